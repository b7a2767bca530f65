package dev.kubetty.relay.server;

import dev.kubetty.relay.auth.AccessTokens;
import dev.kubetty.relay.auth.LocalAuthenticator;
import dev.kubetty.relay.auth.PasswordHasher;
import dev.kubetty.relay.config.AuthMode;
import dev.kubetty.relay.config.AuthSettings;
import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.exec.ClusterAccess;
import dev.kubetty.relay.logs.LogsHandler;
import dev.kubetty.relay.session.SessionHistory;
import dev.kubetty.relay.store.Database;
import dev.kubetty.relay.store.DatabaseConfig;
import dev.kubetty.relay.store.RetentionPruner;
import dev.kubetty.relay.store.SessionDao;
import dev.kubetty.relay.store.SessionLease;
import dev.kubetty.relay.store.StoredBytes;
import dev.kubetty.relay.store.TranscriptReader;
import dev.kubetty.relay.transcript.TranscriptRecorder;
import dev.kubetty.relay.transcript.TranscriptWriter;
import dev.kubetty.relay.transcript.WriterHealth;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole relay as {@code serve} runs it: the database (embedded or external), the transcript
 * writer, and the {@link RelayServer} whose session goes on from the stored transcript.
 *
 * <p>Start-up order: database (migrated) → session lease → session row → stored history → writer →
 * server. Close order is the reverse, so the last bytes reach the writer before it flushes (or
 * spools) them, and only then may another relay of the session take over.
 */
public final class RelayRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RelayRuntime.class);

  /**
   * How long a relay waits for another one holding its session (a pod being replaced) to stop; a
   * little more than Kubernetes' default 30 s termination grace period plus the flush.
   */
  static final Duration SESSION_WAIT = Duration.ofSeconds(90);

  private final Database database;
  private final SessionLease lease;
  private final TranscriptWriter writer;
  private final TranscriptRecorder recorder;
  private final RelayServer server;
  private final RetentionPruner retention;

  private RelayRuntime(
      Database database,
      SessionLease lease,
      TranscriptWriter writer,
      TranscriptRecorder recorder,
      RelayServer server,
      RetentionPruner retention) {
    this.database = database;
    this.lease = lease;
    this.writer = writer;
    this.recorder = recorder;
    this.server = server;
    this.retention = retention;
  }

  /**
   * Starts everything.
   *
   * @throws IOException if the spool, the shell or the listening socket cannot be set up
   * @throws dev.kubetty.relay.store.StoreException if the database cannot be started or reached
   */
  public static RelayRuntime start(RelayConfig config, DatabaseConfig databaseConfig)
      throws IOException {
    return start(config, databaseConfig, ClusterAccess.inCluster());
  }

  /**
   * As {@link #start(RelayConfig, DatabaseConfig)}, with the exec gateway reaching Kubernetes
   * through {@code clusters} (tests give it a mock cluster's client).
   *
   * @throws IOException if the database or the server cannot start
   */
  public static RelayRuntime start(
      RelayConfig config, DatabaseConfig databaseConfig, ClusterAccess clusters)
      throws IOException {
    Database database = Database.open(databaseConfig);
    SessionLease lease = null;
    TranscriptWriter writer = null;
    TranscriptRecorder recorder = null;
    try {
      String id = config.sessionId();
      lease = SessionLease.acquire(database, id, SESSION_WAIT);
      database
          .jdbi()
          .useExtension(SessionDao.class, d -> d.upsertSession(id, config.deploymentId()));
      TranscriptReader reader = new TranscriptReader(database.jdbi());
      StoredBytes tail = reader.outputTail(id, config.bufferBytes());
      long inputEnd = reader.inputEnd(id).orElse(0);
      writer =
          TranscriptWriter.start(
              database.jdbi(),
              id,
              databaseConfig.dataDirectory().resolve("spool"),
              TranscriptWriter.Limits.defaults());
      writer.continueAfter(tail.end(), inputEnd);
      log.info(
          "session={} event=history-loaded offset={} tail={}", id, tail.end(), tail.data().length);
      TranscriptWriter transcript = writer;
      recorder = new TranscriptRecorder(writer, database.jdbi(), id);
      RelayServer server =
          RelayServer.start(
              config,
              new RelayServer.Services(
                  recorder,
                  new SessionHistory(tail.streamOffset(), tail.data(), inputEnd),
                  () -> describe(transcript.health()),
                  LogsHandler.of(database.jdbi(), id),
                  authenticator(config, database)),
              clusters);
      RetentionPruner retention =
          config.retention().isZero()
              ? null
              : RetentionPruner.start(database.jdbi(), config.retention());
      return new RelayRuntime(database, lease, writer, recorder, server, retention);
    } catch (IOException | RuntimeException e) {
      if (recorder != null) {
        recorder.close();
      }
      if (writer != null) {
        writer.close();
      }
      if (lease != null) {
        lease.close();
      }
      database.close();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      database.close();
      throw new IOException("interrupted while waiting for session " + config.sessionId(), e);
    }
  }

  /** The authenticator for {@code AUTH_MODE=local}, null with {@code disabled}. */
  private static LocalAuthenticator authenticator(RelayConfig config, Database database) {
    if (config.authMode() != AuthMode.LOCAL) {
      return null;
    }
    AuthSettings auth = config.auth();
    return new LocalAuthenticator(
        database.jdbi(),
        new PasswordHasher(),
        new AccessTokens(auth.jwtSecret(), auth.issuer(), auth.accessTtl(), Clock.systemUTC()),
        auth.refreshTtl());
  }

  private static String describe(WriterHealth health) {
    return switch (health) {
      case WriterHealth.Ok ok -> "ok";
      case WriterHealth.Degraded d -> "degraded: " + d.reason();
    };
  }

  /** The running server. */
  public RelayServer server() {
    return server;
  }

  /** The database (for tests and tools). */
  public Database database() {
    return database;
  }

  /** The transcript writer (for health and tests). */
  public TranscriptWriter transcript() {
    return writer;
  }

  @Override
  public void close() {
    if (retention != null) {
      retention.close();
    }
    server.close();
    recorder.close();
    writer.close();
    lease.close();
    database.close();
  }
}
