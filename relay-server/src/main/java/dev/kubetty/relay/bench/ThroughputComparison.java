package dev.kubetty.relay.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * Throughput of the same output read from a local PTY, sent over a bare loopback TCP connection
 * ({@link LoopbackThroughput}), through the relay, and through a second relay that stores no
 * transcript, runs interleaved (plain relay, local, loopback, relay, plain relay, …) so that
 * background load hits all alike, after one untimed warm-up each. Also the CPU each path costs per
 * MB: this process (the reader), each relay and the transcript's database.
 */
final class ThroughputComparison {
  private final BenchOptions options;
  private final Path directory;
  private final Duration timeout;
  private final long selfPid = ProcessHandle.current().pid();
  private final double[] local;
  private final double[] relayed;
  private final double[] plain;
  private final double[] loopback;
  private final URI plainUri;
  private final OkHttpClient http;
  private double localCpu;
  private double clientCpu;
  private double relayCpu;
  private double plainCpu;
  private double databaseCpu;
  private boolean databaseMeasured;

  ThroughputComparison(BenchOptions options, Path directory, URI plainUri, OkHttpClient http) {
    this.options = options;
    this.plainUri = plainUri;
    this.http = http;
    this.plain = new double[options.runs()];
    this.loopback = new double[options.runs()];
    this.directory = directory;
    this.timeout = Duration.ofSeconds(Math.max(60, options.megabytes()));
    this.local = new double[options.runs()];
    this.relayed = new double[options.runs()];
  }

  /** Untimed, to get the JIT going before the relay's idle RSS is taken. */
  void warmUpLocal() throws IOException, InterruptedException {
    LocalThroughput.measure(script(warmUpBytes()), directory, timeout);
    LoopbackThroughput.measure(script(warmUpBytes()), directory, timeout);
  }

  /**
   * Runs everything through {@code client} of the relay {@code relayPid}, whose PostgreSQL server
   * is {@code databasePid} (empty: none), and the relay without a transcript, {@code plainPid}.
   */
  void run(BenchClient client, long relayPid, OptionalLong databasePid, long plainPid)
      throws IOException, InterruptedException {
    BenchClient plainClient =
        BenchClient.create(plainUri, http, UUID.randomUUID().toString(), null);
    try {
      plainClient.connect();
      plainClient.sync(Duration.ofSeconds(20));
      RelayThroughput.measure(plainClient, script(warmUpBytes()), timeout);
      run(client, relayPid, databasePid, plainClient, plainPid);
    } finally {
      plainClient.close();
    }
  }

  private void run(
      BenchClient client,
      long relayPid,
      OptionalLong databasePid,
      BenchClient plainClient,
      long plainPid)
      throws IOException, InterruptedException {
    databaseMeasured = databasePid.isPresent();
    RelayThroughput.measure(client, script(warmUpBytes()), timeout);
    for (int i = 0; i < options.runs(); i++) {
      double plainStart = CpuClock.seconds(plainPid);
      plain[i] = RelayThroughput.measure(plainClient, script(options.bytes()), timeout);
      plainCpu += CpuClock.seconds(plainPid) - plainStart;
      double self = CpuClock.seconds(selfPid);
      local[i] = LocalThroughput.measure(script(options.bytes()), directory, timeout);
      double relay = CpuClock.seconds(relayPid);
      double database = serverSeconds(databasePid);
      localCpu += CpuClock.seconds(selfPid) - self;
      loopback[i] = LoopbackThroughput.measure(script(options.bytes()), directory, timeout);
      self = CpuClock.seconds(selfPid);
      relayed[i] = RelayThroughput.measure(client, script(options.bytes()), timeout);
      clientCpu += CpuClock.seconds(selfPid) - self;
      relayCpu += CpuClock.seconds(relayPid) - relay;
      databaseCpu += serverSeconds(databasePid) - database;
    }
  }

  List<Measurement> measurements() {
    Percentiles localRates = new Percentiles(local);
    Percentiles relayRates = new Percentiles(relayed);
    Percentiles plainRates = new Percentiles(plain);
    Percentiles loopbackRates = new Percentiles(loopback);
    double cost = 100 * (1 - relayRates.median() / plainRates.median());
    List<Measurement> rows = new ArrayList<>();
    rows.addAll(
        List.of(
            rate("throughput, local PTY", localRates),
            rate("throughput, relay, no transcript", plainRates),
            new Measurement(
                "throughput ratio relay/local",
                plainRates.median() / localRates.median(),
                "",
                Goal.atLeast(0.9),
                "the relay core: no transcript / local PTY, medians; " + interval(plain, local)),
            rate(
                "throughput, bare loopback hop",
                loopbackRates,
                "; the floor for any relay: PTY -> TCP 127.0.0.1 -> reader, no WebSocket"),
            new Measurement(
                "throughput ratio loopback/local",
                loopbackRates.median() / localRates.median(),
                "",
                null,
                "what the network hop alone leaves of the local PTY, medians"),
            new Measurement(
                "throughput ratio relay/loopback",
                plainRates.median() / loopbackRates.median(),
                "",
                null,
                "the relay core (WebSocket, flow control, deflate) against the bare hop, medians"),
            rate("throughput, via relay", relayRates),
            new Measurement(
                "transcript cost",
                cost,
                "%",
                Goal.atMost(10),
                "1 - relay/no-transcript relay, medians; " + costInterval()),
            new Measurement(
                "throughput ratio with transcript",
                relayRates.median() / localRates.median(),
                "",
                null,
                "relay with transcript / local PTY, medians; " + interval(relayed, local)),
            cpu("CPU per MB, local reader", localCpu, "this process reading the PTY"),
            cpu("CPU per MB, relay, no transcript", plainCpu, "relay process (not its shell)"),
            cpu("CPU per MB, relay", relayCpu, "relay process with its transcript writer"),
            cpu("CPU per MB, relay client", clientCpu, "this process reading the socket")));
    if (databaseMeasured) {
      rows.add(
          cpu(
              "CPU per MB, PostgreSQL",
              databaseCpu,
              "the relay's embedded PostgreSQL storing the transcript (all its processes)"));
    }
    return rows;
  }

  /** How far the runs' scatter leaves a ratio of their medians uncertain. */
  private static String interval(double[] numerator, double[] denominator) {
    return "95% bootstrap interval " + RatioInterval.of(numerator, denominator, 0.95);
  }

  /** The transcript cost's bootstrap interval, in percent. */
  private String costInterval() {
    RatioInterval kept = RatioInterval.of(relayed, plain, 0.95);
    return "95% bootstrap interval "
        + Numbers.format(100 * (1 - kept.high()))
        + " to "
        + Numbers.format(100 * (1 - kept.low()))
        + " %";
  }

  private static double serverSeconds(OptionalLong pid) {
    return pid.isPresent() ? CpuClock.serverSeconds(pid.getAsLong()) : 0;
  }

  private Measurement rate(String name, Percentiles rates) {
    return rate(name, rates, "");
  }

  private Measurement rate(String name, Percentiles rates, String more) {
    String how =
        "median of "
            + local.length
            + " x "
            + options.megabytes()
            + " MB of "
            + options.payload().name().toLowerCase(Locale.ROOT)
            + ": "
            + rates.list()
            + more;
    return new Measurement(name, rates.median(), "MB/s", null, how);
  }

  private Measurement cpu(String name, double seconds, String how) {
    double megabytes = (double) options.megabytes() * options.runs();
    return new Measurement(name, seconds * 1000 / megabytes, "ms", null, how);
  }

  private OutputScript script(long bytes) {
    return OutputScript.of(bytes, options.payload());
  }

  private long warmUpBytes() {
    return Math.max(1_000_000, options.bytes() / 10);
  }
}
