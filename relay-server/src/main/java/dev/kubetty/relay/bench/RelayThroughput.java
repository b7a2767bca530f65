package dev.kubetty.relay.bench;

import java.time.Duration;

/** An {@link OutputScript} typed into the relay's shell and read through an attached client. */
final class RelayThroughput {
  private RelayThroughput() {}

  /** One run; returns MB/s. The client's tap is replaced. */
  static double measure(BenchClient client, OutputScript script, Duration timeout)
      throws InterruptedException {
    ThroughputProbe probe = new ThroughputProbe(script);
    client.tap(probe);
    client.send(script.command() + "\n");
    double rate = probe.awaitMegabytesPerSecond(timeout);
    client.sync(Duration.ofSeconds(10));
    return rate;
  }
}
