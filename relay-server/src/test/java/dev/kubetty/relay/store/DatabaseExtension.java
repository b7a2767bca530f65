package dev.kubetty.relay.store;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL (a {@link TestDatabase}) shared by a test class: register it on a {@code
 * static} field; tests keep their data apart by session id.
 */
public final class DatabaseExtension implements BeforeAllCallback, AfterAllCallback {
  private TestDatabase db;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    db = TestDatabase.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    db.close();
  }

  /** The migrated database. */
  public Database database() {
    return db.database();
  }

  /** The JDBC URL of the server (user {@code postgres}, no password). */
  public String jdbcUrl() {
    return db.jdbcUrl();
  }

  /** A scratch directory beside the cluster (for spools). */
  public Path directory() {
    return db.directory();
  }

  /** Stops PostgreSQL, keeping its data. */
  public void stopServer() {
    db.stopServer();
  }

  /** Starts PostgreSQL again on the same port with the same data. */
  public void restartServer() {
    db.restartServer();
  }
}
