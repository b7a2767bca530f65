package dev.kubetty.relay.bench;

import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Reconnect with output pending: the attached client starts a command that prints 100 ms later,
 * closes, and after 250 ms a new client (same client id) connects with {@code resumeFrom} = the old
 * client's offset. Timed from {@code connect()} to the first resumed chunk; the command's output
 * must then arrive too.
 */
final class ResumeLatency {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final URI uri;
  private final OkHttpClient http;
  private BenchClient client;

  private ResumeLatency(URI uri, OkHttpClient http, BenchClient client) {
    this.uri = uri;
    this.http = http;
    this.client = client;
  }

  /**
   * Runs {@code count} reconnects, starting from {@code attached}, which this closes.
   *
   * @return one latency per reconnect in ms, and the client attached at the end
   */
  static Result measure(URI uri, OkHttpClient http, BenchClient attached, int count)
      throws InterruptedException {
    ResumeLatency resume = new ResumeLatency(uri, http, attached);
    double[] millis = new double[count];
    for (int i = 0; i < count; i++) {
      millis[i] = resume.once();
    }
    return new Result(millis, resume.client);
  }

  record Result(double[] millis, BenchClient client) {}

  private double once() throws InterruptedException {
    String id = Long.toHexString(System.nanoTime());
    MarkerWait typed = new MarkerWait("KTR''" + id);
    client.tap(typed);
    client.send("sleep 0.1; echo KTR''" + id + "\n");
    typed.await(WAIT);
    long resumeFrom = client.offset();
    client.close();
    Thread.sleep(250);
    client = BenchClient.create(uri, http, client.clientId(), resumeFrom);
    MarkerWait output = new MarkerWait("KTR" + id);
    client.tap(output);
    long start = System.nanoTime();
    client.connect();
    output.await(WAIT);
    return (output.firstNanos() - start) / 1e6;
  }
}
