package dev.kubetty.relay.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A relay running as a child process ({@code serve} with {@code AUTH_MODE=disabled} on 127.0.0.1,
 * port 0, {@code /bin/bash} in a temporary home).
 *
 * <p>Lifecycle: {@link #start} returns once the relay printed its listening line; {@link #close}
 * (also run by a shutdown hook) stops it with SIGTERM, then SIGKILL after 5 s. A daemon thread
 * drains the relay's stdout and stderr and keeps the last 20 lines for error messages.
 */
final class RelayProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path dataDirectory;
  private final Thread shutdownHook;
  private final Deque<String> recentLines = new ArrayDeque<>();
  private final CompletableFuture<URI> listening = new CompletableFuture<>();

  private RelayProcess(Process process, Path dataDirectory) {
    this.process = process;
    this.dataDirectory = dataDirectory;
    this.shutdownHook = Thread.ofPlatform().name("relay-stop").unstarted(this::stop);
  }

  /**
   * Starts a relay whose home and data directory (embedded PostgreSQL, spool) are under {@code
   * home}, with {@code environment} on top of the defaults.
   */
  static RelayProcess start(List<String> command, Path home, Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Path data = home.resolve("data");
    builder.environment().put("KUBETTY_DATA_DIR", data.toString());
    builder.environment().put("AUTH_MODE", "disabled");
    builder.environment().put("KUBETTY_LISTEN", "127.0.0.1:0");
    builder.environment().put("SHELL", "/bin/bash");
    builder.environment().put("HOME", home.toString());
    // Its own session: against an external database (CNPG_*, DATABASE_URL) the relays of one run,
    // and of earlier runs, would otherwise share one stored session and continue each other's.
    builder.environment().put("SESSION_ID", "bench-" + UUID.randomUUID());
    builder.environment().putAll(environment);
    RelayProcess relay = new RelayProcess(builder.start(), data);
    Runtime.getRuntime().addShutdownHook(relay.shutdownHook);
    Thread.ofPlatform().daemon().name("relay-output").start(relay::drainOutput);
    return relay;
  }

  /** Waits for the listening line and returns the relay's WebSocket URI. */
  URI awaitWebSocketUri() throws InterruptedException {
    try {
      return listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new BenchException("relay did not start; its last output:\n" + recentOutput());
    }
  }

  long pid() {
    return process.pid();
  }

  /**
   * The process id of the relay's embedded PostgreSQL server (its postmaster, which daemonizes),
   * read from the {@code postmaster.pid} in the relay's data directory; empty if it runs none (no
   * transcript).
   */
  OptionalLong databasePid() {
    if (!Files.isDirectory(dataDirectory)) {
      return OptionalLong.empty();
    }
    try (Stream<Path> files =
        Files.find(dataDirectory, 4, (p, a) -> p.endsWith("postmaster.pid"))) {
      Optional<Path> pidFile = files.findFirst();
      return pidFile.isEmpty()
          ? OptionalLong.empty()
          : OptionalLong.of(Long.parseLong(Files.readAllLines(pidFile.get()).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      throw new BenchException("cannot read the relay's postmaster.pid: " + e.getMessage(), e);
    }
  }

  /** The relay's resident set size (VmRSS) in MiB. */
  double residentMebibytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          long kib = Long.parseLong(line.replaceAll("\\D", ""));
          return kib / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new BenchException("cannot read the relay's RSS: " + e.getMessage(), e);
    }
    throw new BenchException("no VmRSS in /proc/" + pid() + "/status");
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs (or ran) stop(), which is idempotent.
    }
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void drainOutput() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        remember(line);
        ListeningLine.webSocketUri(line).ifPresent(listening::complete);
      }
    } catch (IOException e) {
      // The pipe broke because the relay died; the exit is reported below.
    }
    listening.completeExceptionally(new BenchException("relay exited"));
  }

  private synchronized void remember(String line) {
    recentLines.addLast(line);
    if (recentLines.size() > 20) {
      recentLines.removeFirst();
    }
  }

  private synchronized String recentOutput() {
    return String.join("\n", recentLines);
  }
}
