package dev.kubetty.relay.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's PostgreSQL 15 ({@code postgresql-15}, which {@code .ci/run} installs) as a throwaway
 * server on 127.0.0.1: built with lz4 like CloudNativePG's images, unlike the embedded one. As root
 * it runs as the package's {@code postgres} user (PostgreSQL refuses root). Close it to stop it and
 * delete its cluster.
 */
final class SystemPostgres implements AutoCloseable {
  static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final String USER = "kubetty";

  private final Path directory;
  private final int port;

  private SystemPostgres(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** initdb and start; fails with the install hint when the package is missing. */
  static SystemPostgres start() throws IOException, InterruptedException {
    if (!Files.isExecutable(BIN.resolve("postgres"))) {
      throw new IllegalStateException(
          BIN + "/postgres is missing: apt-get install postgresql-15 (.ci/run does)");
    }
    Path directory = Files.createTempDirectory("kubetty-pg15-");
    if (isRoot()) {
      UserPrincipal postgres =
          directory
              .getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName("postgres");
      Files.setOwner(directory, postgres);
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    SystemPostgres server = new SystemPostgres(directory, port);
    server.run(
        "initdb", "-D", server.data(), "-U", USER, "--auth=trust", "--no-sync", "-E", "UTF8");
    server.run(
        "pg_ctl",
        "-D",
        server.data(),
        "-l",
        directory.resolve("server.log").toString(),
        "-w",
        "-o",
        "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1",
        "start");
    return server;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  String user() {
    return USER;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      run("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private String data() {
    return directory.resolve("data").toString();
  }

  private void run(String program, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(BIN.resolve(program).toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve(program + ".out").toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(
          program + " failed: " + Files.readString(directory.resolve(program + ".out")));
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
