package dev.kubetty.relay.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

  private Benchmark(BenchOptions options) {
    this.options = options;
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
    OkHttpClient http = HttpClients.create(options.compression());
    Path plainHome = Files.createDirectories(home.resolve("plain"));
    try (RelayProcess relay = RelayProcess.start(options.relayCommand(), home, Map.of());
        RelayProcess plain =
            RelayProcess.start(
                options.relayCommand(), plainHome, Map.of("KUBETTY_TRANSCRIPT", "off"))) {
      URI uri = relay.awaitWebSocketUri();
      long relayUp = System.nanoTime();
      ThroughputComparison throughput =
          new ThroughputComparison(options, home, plain.awaitWebSocketUri(), http);
      throughput.warmUpLocal();
      sleepUntil(relayUp + IDLE_BEFORE_RSS.toNanos());
      Measurement idle = memory("relay RSS, idle", relay, "VmRSS, no client attached yet");
      Measurement attached = measureAttached(relay, plain.pid(), uri, http, throughput, home);
      rows.add(idle);
      rows.add(attached);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Adds the rows measured with a client; returns the RSS taken after the throughput runs. */
  private Measurement measureAttached(
      RelayProcess relay,
      long plainPid,
      URI uri,
      OkHttpClient http,
      ThroughputComparison throughput,
      Path home)
      throws IOException, InterruptedException {
    BenchClient client = BenchClient.create(uri, http, UUID.randomUUID().toString(), null);
    try {
      client.connect();
      client.sync(Duration.ofSeconds(20));
      throughput.run(client, relay.pid(), relay.databasePid(), plainPid);
      rows.addAll(throughput.measurements());
      Measurement attached =
          memory("relay RSS, attached", relay, "VmRSS, after the throughput runs");
      Duration settled = StoreSettle.await(http, uri, Duration.ofMinutes(2));
      echo(client, settled, home);
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
      return attached;
    } finally {
      client.close();
    }
  }

  private void echo(BenchClient client, Duration settled, Path home)
      throws IOException, InterruptedException {
    double[] millis = EchoLatency.measure(client, options.keys());
    Percentiles echo = new Percentiles(millis);
    String keys =
        options.keys()
            + " keys, "
            + overOneMillisecond(millis)
            + " over 1 ms; store caught up "
            + Numbers.format(settled.toMillis() / 1000.0)
            + " s after the floods";
    rows.add(new Measurement("echo latency p50", echo.at(50), "ms", null, keys));
    rows.add(new Measurement("echo latency p99", echo.at(99), "ms", Goal.atMost(1), keys));
    rows.add(new Measurement("echo latency max", echo.max(), "ms", null, keys));
    double[] local;
    try (LocalShell shell = LocalShell.start(Files.createDirectories(home.resolve("local")))) {
      shell.sync(Duration.ofSeconds(10));
      local = EchoLatency.measure(shell, options.keys());
    }
    Percentiles floor = new Percentiles(local);
    rows.add(
        new Measurement(
            "echo latency p99, local PTY",
            floor.at(99),
            "ms",
            null,
            "the floor here: bash on a local PTY, no relay; "
                + overOneMillisecond(local)
                + " over 1 ms, p50 "
                + Numbers.format(floor.at(50))
                + " ms"));
  }

  private static long overOneMillisecond(double[] millis) {
    return Arrays.stream(millis).filter(ms -> ms > 1).count();
  }

  private static Measurement memory(String name, RelayProcess relay, String how) {
    return new Measurement(name, relay.residentMebibytes(), "MiB", null, how);
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
