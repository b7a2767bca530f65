package dev.kubetty.relay.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.kubetty.relay.bench.BenchException;
import dev.kubetty.relay.bench.BenchOptions;
import dev.kubetty.relay.bench.BenchReport;
import dev.kubetty.relay.bench.Benchmark;
import dev.kubetty.relay.bench.Payload;
import dev.kubetty.relay.bench.RelayLauncher;
import dev.kubetty.relay.bench.ReportJson;
import dev.kubetty.relay.bench.ReportTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: starts a relay from this jar as a child process, measures it and prints a table
 * (or JSON). Exit code 0 when the benchmark ran (whatever the verdicts), 1 when a step failed.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark a relay started from this jar: throughput (local PTY vs relay),",
      "keystroke echo latency, resume latency and memory. About 30-60 s by default."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--megabytes", defaultValue = "100", description = "MB per throughput run.")
  int megabytes;

  @Option(
      names = "--runs",
      defaultValue = "11",
      description = "Throughput runs per path, interleaved; medians and 95% intervals shown.")
  int runs;

  @Option(names = "--keys", defaultValue = "1000", description = "Timed keystrokes.")
  int keys;

  @Option(names = "--resumes", defaultValue = "20", description = "Timed reconnects.")
  int resumes;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(names = "--relay-jar", description = "Relay jar to run (default: this jar).")
  Path relayJar;

  @Option(
      names = "--relay-jvm-arg",
      paramLabel = "OPTION",
      description = "Extra option for the relay's JVM (repeatable), e.g. -Xmx256m.")
  List<String> relayJvmArguments = new ArrayList<>();

  @Option(
      names = "--deflate",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Let the client offer permessage-deflate (default, as OkHttp does).")
  boolean deflate;

  @Option(
      names = "--payload",
      defaultValue = "fill",
      description =
          "What the throughput runs print: fill (x over and over, the default) or text"
              + " (digits and spaces; compresses ~3x like terminal text).")
  Payload payload;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    quietClientLogs();
    try {
      BenchReport report = Benchmark.run(options());
      out.print(json ? ReportJson.render(report) + "\n" : ReportTable.render(report));
      out.flush();
      return 0;
    } catch (BenchException | IOException | IllegalArgumentException e) {
      err.println("bench: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  /** The client logs every reconnect at INFO; the resume runs make dozens of them. */
  private static void quietClientLogs() {
    if (LoggerFactory.getLogger("dev.kubetty.protocol.client") instanceof Logger logger) {
      logger.setLevel(Level.WARN);
    }
  }

  private BenchOptions options() {
    return new BenchOptions(
        megabytes,
        runs,
        keys,
        resumes,
        RelayLauncher.command(
            BenchCommand.class, relayJar, KubettyRelay.class.getName(), relayJvmArguments),
        deflate,
        payload);
  }
}
