package dev.kubetty.relay.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one relay at a time the writer of a session: a PostgreSQL advisory lock on the session id,
 * held on a connection of its own for as long as the relay runs.
 *
 * <p>A second relay with the same {@code SESSION_ID} (a rolling update starts the new pod before
 * the old one has stopped) waits in {@link #acquire} until the first has stored its last byte and
 * let go, so it continues exactly after it; without the lease both would store rows at the same
 * offsets and the later ones would be skipped as duplicates. PostgreSQL also lets go when the
 * holder's connection dies, so a crashed relay never blocks its successor.
 *
 * <p>The lease checks its connection every few seconds; when the database was unreachable (a
 * restart, a CloudNativePG failover), it connects again and takes the lock back, so the hand-over
 * keeps working after an outage.
 */
public final class SessionLease implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SessionLease.class);
  private static final Duration RETRY = Duration.ofMillis(250);
  private static final Duration CHECK = Duration.ofSeconds(5);
  private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtextextended(?, 0))";

  private final Database database;
  private final String sessionId;
  private final ScheduledExecutorService checker;
  private Connection connection; // guarded by this

  private SessionLease(
      Database database, String sessionId, Connection connection, Duration checkEvery) {
    this.database = database;
    this.sessionId = sessionId;
    this.connection = connection;
    this.checker =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("session-lease").unstarted(r));
    checker.scheduleWithFixedDelay(
        this::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lease on {@code sessionId}, waiting up to {@code wait} while another relay holds it.
   *
   * @throws StoreException if the database cannot be reached or the lease is still held after
   *     {@code wait}
   * @throws InterruptedException if interrupted while waiting
   */
  public static SessionLease acquire(Database database, String sessionId, Duration wait)
      throws InterruptedException {
    return acquire(database, sessionId, wait, CHECK);
  }

  /**
   * As {@link #acquire(Database, String, Duration)}, checking the connection every {@code check}.
   */
  static SessionLease acquire(Database database, String sessionId, Duration wait, Duration check)
      throws InterruptedException {
    Connection connection = null;
    try {
      connection = database.openDedicatedConnection();
      long deadline = System.nanoTime() + wait.toNanos();
      boolean told = false;
      while (!tryLock(connection, sessionId)) {
        if (System.nanoTime() - deadline > 0) {
          throw new StoreException(
              "session "
                  + sessionId
                  + " is still held by another relay after "
                  + wait.toSeconds()
                  + " s: stop that relay, or give each relay its own SESSION_ID",
              null);
        }
        if (!told) {
          log.warn(
              "session={} event=waiting-for-other-relay: another relay holds this session;"
                  + " continuing when it stops (at most {} s)",
              sessionId,
              wait.toSeconds());
          told = true;
        }
        Thread.sleep(RETRY);
      }
      if (told) {
        log.info("session={} event=session-taken-over", sessionId);
      }
      return new SessionLease(database, sessionId, connection, check);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new StoreException("cannot take the lease on session " + sessionId, e);
    } catch (RuntimeException | InterruptedException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private static boolean tryLock(Connection connection, String sessionId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(TRY_LOCK)) {
      statement.setString(1, "kubetty-session:" + sessionId);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  /** Takes the lock back on a new connection if the one holding it has died. */
  private synchronized void check() {
    try {
      if (connection != null && connection.isValid(2)) {
        return;
      }
      closeQuietly(connection);
      connection = null;
      Connection fresh = database.openDedicatedConnection();
      if (tryLock(fresh, sessionId)) {
        connection = fresh;
        log.info("session={} event=session-lease-retaken after the database came back", sessionId);
      } else {
        closeQuietly(fresh);
        log.error(
            "session={} event=session-lease-lost: another relay took this session while the"
                + " database was unreachable; give each relay its own SESSION_ID",
            sessionId);
      }
    } catch (SQLException | RuntimeException e) {
      log.debug("session={} event=session-lease-check-failed: {}", sessionId, e.toString());
    }
  }

  /** Lets go: the next relay of this session may start. */
  @Override
  public void close() {
    checker.shutdownNow();
    synchronized (this) {
      closeQuietly(connection);
      connection = null;
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("session lease connection did not close cleanly: {}", e.toString());
    }
  }
}
