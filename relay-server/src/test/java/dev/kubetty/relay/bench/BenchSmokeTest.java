package dev.kubetty.relay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.cli.KubettyRelay;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs the whole benchmark with tiny sizes against a relay started from the class path. */
@Tag("slow")
class BenchSmokeTest {
  private static final List<String> ROWS =
      List.of(
          "throughput, local PTY",
          "relay RSS, idle",
          "throughput, relay, no transcript",
          "throughput ratio relay/local",
          "throughput, bare loopback hop",
          "throughput ratio loopback/local",
          "throughput ratio relay/loopback",
          "throughput, via relay",
          "transcript cost",
          "throughput ratio with transcript",
          "CPU per MB, local reader",
          "CPU per MB, relay, no transcript",
          "CPU per MB, relay",
          "CPU per MB, PostgreSQL",
          "CPU per MB, relay client",
          "relay RSS, attached",
          "echo latency p50",
          "echo latency p99",
          "echo latency max",
          "resume to first byte, median");

  @Test
  void printsEveryRowWithANumber() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        KubettyRelay.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

    int code =
        cli.execute("bench", "--megabytes", "5", "--runs", "1", "--keys", "50", "--resumes", "3");

    assertThat(code).as(err.toString()).isZero();
    for (String row : ROWS) {
      // A cost can be negative in one noisy run (the relay with a transcript happened to be
      // faster).
      assertThat(out.toString()).containsPattern("(?m)^" + row + " +-?\\d+(\\.\\d+)?( \\S+)? +");
    }
  }
}
