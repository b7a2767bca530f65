package dev.kubetty.relay.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL for a test class: an {@link EmbeddedDatabase} in a fresh directory with the
 * real migrations applied. Close it in {@code @AfterAll}.
 */
public final class TestDatabase implements AutoCloseable {
  private final Path directory;
  private EmbeddedDatabase server;
  private final Database database;

  private TestDatabase(Path directory) {
    this.directory = directory;
    this.server = EmbeddedDatabase.start(directory.resolve("postgres"));
    this.database = Database.connect(server.jdbcUrl(), server.user(), null, null);
  }

  /** Starts a server in a new temporary directory. */
  public static TestDatabase start() throws IOException {
    return new TestDatabase(Files.createTempDirectory("kubetty-store-test"));
  }

  /** The migrated database (pool stays valid across {@link #stopServer}/{@link #restartServer}). */
  public Database database() {
    return database;
  }

  /** The JDBC URL of the server (user {@code postgres}, no password). */
  public String jdbcUrl() {
    return server.jdbcUrl();
  }

  /** A scratch directory beside the cluster (for spools). */
  public Path directory() {
    return directory;
  }

  /** Stops PostgreSQL, keeping its data: the pool's connections start failing. */
  public void stopServer() {
    server.close();
  }

  /** Starts PostgreSQL again on the same port with the same data. */
  public void restartServer() {
    server = EmbeddedDatabase.start(directory.resolve("postgres"), server.port());
  }

  @Override
  public void close() {
    database.close();
    server.close();
  }
}
