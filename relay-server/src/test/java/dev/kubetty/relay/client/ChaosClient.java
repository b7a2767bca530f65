package dev.kubetty.relay.client;

import dev.kubetty.protocol.client.RelayClient;
import dev.kubetty.protocol.client.State;
import dev.kubetty.relay.testing.StreamRecorder;
import java.net.URI;
import java.time.Duration;

/** The shared Java client as the tests behind a {@code ChaosProxy} use it. */
final class ChaosClient {
  private ChaosClient() {}

  /**
   * A client of {@code uri} reporting to {@code recorder} that retries quickly (20–200 ms, the
   * proxy cuts often), connected and live.
   *
   * @throws AssertionError if it is not live within 10 s
   */
  static RelayClient connectLive(URI uri, StreamRecorder recorder) throws InterruptedException {
    RelayClient client =
        RelayClient.builder(uri)
            .listener(recorder)
            .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
            .build();
    client.connect();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (client.state() != State.LIVE) {
      if (System.nanoTime() - deadline > 0) {
        client.close();
        throw new AssertionError("not live within 10 s: " + client.state());
      }
      Thread.sleep(10);
    }
    return client;
  }
}
