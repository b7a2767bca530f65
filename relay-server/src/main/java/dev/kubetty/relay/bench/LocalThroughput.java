package dev.kubetty.relay.bench;

import dev.kubetty.relay.pty.ShellProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The baseline: an {@link OutputScript} run by {@code /bin/bash -c} on a local PTY and read
 * directly, in 64 KiB reads like the relay's, with no network in between.
 */
final class LocalThroughput {
  private static final int READ_CHUNK = 64 << 10;

  /** Where each chunk read from the PTY goes; {@code buffer} is reused after the call. */
  @FunctionalInterface
  interface Sink {
    void accept(byte[] buffer, int length) throws IOException;
  }

  private LocalThroughput() {}

  /** One run; returns MB/s. */
  static double measure(OutputScript script, Path directory, Duration timeout)
      throws IOException, InterruptedException {
    ThroughputProbe probe = new ThroughputProbe(script);
    read(script, directory, (buffer, n) -> probe.accept(System.nanoTime(), buffer, n));
    return probe.awaitMegabytesPerSecond(timeout);
  }

  /** Runs {@code script} on a new local PTY and hands every chunk of its output to {@code sink}. */
  static void read(OutputScript script, Path directory, Sink sink)
      throws IOException, InterruptedException {
    try (ShellProcess shell =
        ShellProcess.start(
            List.of("/bin/bash", "-c", script.command()),
            directory,
            BenchClient.COLS,
            BenchClient.ROWS)) {
      byte[] buffer = new byte[READ_CHUNK];
      int n;
      while ((n = shell.read(buffer, READ_CHUNK)) >= 0) {
        sink.accept(buffer, n);
      }
      shell.waitFor();
    }
  }
}
