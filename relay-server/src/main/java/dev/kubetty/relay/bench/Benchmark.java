package dev.kubetty.relay.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * One benchmark run: starts a relay as a child process, measures throughput (local PTY versus
 * through the relay), keystroke echo latency, resume latency and the relay's memory, then stops the
 * relay. Runs on the calling thread; not reusable.
 */
public final class Benchmark {
  private static final Duration IDLE_BEFORE_RSS = Duration.ofSeconds(3);

  private final BenchOptions options;
  private final List<Measurement> rows = new ArrayList<>();
  private final Duration outputTimeout;

  private Benchmark(BenchOptions options) {
    this.options = options;
    this.outputTimeout = Duration.ofSeconds(Math.max(60, options.megabytes()));
  }

  /**
   * Runs everything and returns the report.
   *
   * @throws BenchException if a step fails or times out
   * @throws IOException if the relay or a local shell cannot be started
   */
  public static BenchReport run(BenchOptions options) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Benchmark benchmark = new Benchmark(options);
    Path home = Files.createTempDirectory("kubetty-bench-");
    try {
      benchmark.runWith(home);
    } finally {
      deleteTree(home);
    }
    return new BenchReport(
        MachineInfo.current(), benchmark.rows, (System.nanoTime() - start) / 1e9);
  }

  private void runWith(Path home) throws IOException, InterruptedException {
    OkHttpClient http = new OkHttpClient();
    try (RelayProcess relay = RelayProcess.start(options.relayCommand(), home)) {
      URI uri = relay.awaitWebSocketUri();
      long relayUp = System.nanoTime();
      double local = median("throughput, local PTY", localRuns(home));
      sleepUntil(relayUp + IDLE_BEFORE_RSS.toNanos());
      informative("relay RSS, idle", relay.residentMebibytes(), "MiB", "VmRSS, no client");
      measureAttached(relay, uri, http, local);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private void measureAttached(RelayProcess relay, URI uri, OkHttpClient http, double local)
      throws InterruptedException {
    BenchClient client = BenchClient.create(uri, http, UUID.randomUUID().toString(), null);
    try {
      client.connect();
      client.sync(Duration.ofSeconds(20));
      double viaRelay = median("throughput, via relay", relayRuns(client));
      rows.add(
          new Measurement(
              "throughput ratio relay/local",
              viaRelay / local,
              "",
              Goal.atLeast(0.9),
              "ratio of the medians"));
      informative(
          "relay RSS, attached", relay.residentMebibytes(), "MiB", "VmRSS, after throughput");
      echo(client);
      ResumeLatency.Result resumed = ResumeLatency.measure(uri, http, client, options.resumes());
      client = resumed.client();
      Percentiles resume = new Percentiles(resumed.millis());
      rows.add(
          new Measurement(
              "resume to first byte, median",
              resume.median(),
              "ms",
              Goal.atMost(100),
              options.resumes() + " reconnects, max " + Numbers.format(resume.max()) + " ms"));
    } finally {
      client.close();
    }
  }

  private double[] localRuns(Path home) throws IOException, InterruptedException {
    LocalThroughput.measure(warmUpBytes(), home, outputTimeout);
    double[] rates = new double[options.runs()];
    for (int i = 0; i < rates.length; i++) {
      rates[i] = LocalThroughput.measure(options.bytes(), home, outputTimeout);
    }
    return rates;
  }

  private double[] relayRuns(BenchClient client) throws InterruptedException {
    RelayThroughput.measure(client, warmUpBytes(), outputTimeout);
    double[] rates = new double[options.runs()];
    for (int i = 0; i < rates.length; i++) {
      rates[i] = RelayThroughput.measure(client, options.bytes(), outputTimeout);
    }
    return rates;
  }

  private void echo(BenchClient client) throws InterruptedException {
    Percentiles echo = new Percentiles(EchoLatency.measure(client, options.keys()));
    String keys = options.keys() + " keys";
    rows.add(new Measurement("echo latency p50", echo.at(50), "ms", null, keys));
    rows.add(new Measurement("echo latency p99", echo.at(99), "ms", Goal.atMost(1), keys));
    rows.add(new Measurement("echo latency max", echo.max(), "ms", null, keys));
  }

  private double median(String name, double[] rates) {
    Percentiles p = new Percentiles(rates);
    String how = "median of " + rates.length + " x " + options.megabytes() + " MB: " + p.list();
    informative(name, p.median(), "MB/s", how);
    return p.median();
  }

  private void informative(String name, double value, String unit, String how) {
    rows.add(new Measurement(name, value, unit, null, how));
  }

  private long warmUpBytes() {
    return Math.max(1_000_000, options.bytes() / 10);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long millis = (nanoTime - System.nanoTime()) / 1_000_000;
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
