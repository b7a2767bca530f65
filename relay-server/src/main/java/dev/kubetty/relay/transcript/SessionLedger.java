package dev.kubetty.relay.transcript;

import dev.kubetty.relay.session.Attachment;
import dev.kubetty.relay.store.SessionDao;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a session's attach history and shell generations to PostgreSQL, in the order they
 * happened, on one thread of its own: callers (the PTY reader, WebSocket threads) never wait for
 * the database. A row that cannot be written (database down) is logged and skipped; unlike the
 * transcript it is not spooled.
 */
final class SessionLedger implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SessionLedger.class);

  private final Jdbi jdbi;
  private final String sessionId;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().daemon().name("session-ledger").unstarted(r));
  // Touched only on the ledger thread.
  private final Map<Attachment, Long> attachmentIds = new HashMap<>();
  private int generation;

  SessionLedger(Jdbi jdbi, String sessionId) {
    this.jdbi = jdbi;
    this.sessionId = sessionId;
    run("generations", dao -> generation = dao.lastGeneration(sessionId).orElse(0));
  }

  void shellStarted(long outputOffset) {
    OffsetDateTime at = now();
    run("shell-started", dao -> dao.shellStarted(sessionId, ++generation, at, outputOffset));
  }

  void shellExited(long outputOffset, int code) {
    OffsetDateTime at = now();
    run("shell-ended", dao -> dao.shellEnded(sessionId, generation, at, code, outputOffset));
  }

  void attached(Attachment attachment) {
    OffsetDateTime at = now();
    run(
        "attached",
        dao ->
            attachmentIds.put(
                attachment,
                dao.attached(
                    sessionId,
                    attachment.clientId(),
                    attachment.remote(),
                    attachment.peer().userAgent(),
                    attachment.peer().username(),
                    at)));
  }

  void detached(Attachment attachment, int code, String reason) {
    OffsetDateTime at = now();
    run(
        "detached",
        dao -> {
          Long id = attachmentIds.remove(attachment);
          if (id != null) {
            dao.detached(id, at, code, reason);
          }
        });
  }

  private interface Write {
    void apply(SessionDao dao);
  }

  private void run(String what, Write write) {
    try {
      thread.execute(
          () -> {
            try {
              jdbi.useExtension(SessionDao.class, write::apply);
            } catch (RuntimeException e) {
              // The database is down or refused the row; the terminal goes on regardless.
              log.warn(
                  "session={} event=ledger-write-failed what={} error={}",
                  sessionId,
                  what,
                  e.getClass().getSimpleName());
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("session={} event=ledger-closed what={}", sessionId, what);
    }
  }

  private static OffsetDateTime now() {
    return Instant.now().atOffset(ZoneOffset.UTC);
  }

  /** Writes what is queued (waiting up to 5 s), then stops. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
