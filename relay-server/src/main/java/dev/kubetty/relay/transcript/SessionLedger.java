package dev.kubetty.relay.transcript;

import dev.kubetty.relay.session.Attachment;
import dev.kubetty.relay.store.SessionDao;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a session's attach history and shell generations to PostgreSQL, in the order they
 * happened, on one thread of its own: callers (the PTY reader, WebSocket threads) never wait for
 * the database.
 *
 * <p>While the database is unreachable, writes wait in memory (at most {@value #MAX_PENDING}, the
 * oldest dropped beyond that) and are retried in order every {@link #RETRY}; unlike the transcript
 * they are not spooled to disk, so a relay that stops during an outage loses them (and says so). A
 * row the database refuses for another reason is logged and skipped.
 */
final class SessionLedger implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SessionLedger.class);

  private final Jdbi jdbi;
  private final String sessionId;
  static final int MAX_PENDING = 10_000;
  static final Duration RETRY = Duration.ofSeconds(2);

  private final ScheduledThreadPoolExecutor thread = ledgerThread();
  // Touched only on the ledger thread.
  private final Map<Attachment, Long> attachmentIds = new HashMap<>();
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private boolean retrying;
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

  private record Pending(String what, Write write) {}

  private void run(String what, Write write) {
    try {
      thread.execute(
          () -> {
            pending.addLast(new Pending(what, write));
            flush();
          });
    } catch (RejectedExecutionException e) {
      log.debug("session={} event=ledger-closed what={}", sessionId, what);
    }
  }

  /** Writes pending rows in order; on an outage, keeps them and retries later. */
  private void flush() {
    while (!pending.isEmpty()) {
      Pending next = pending.peekFirst();
      try {
        jdbi.useExtension(SessionDao.class, next.write()::apply);
        pending.removeFirst();
      } catch (RuntimeException e) {
        if (!isOutage(e)) {
          pending.removeFirst();
          log.warn(
              "session={} event=ledger-write-failed what={} error={}",
              sessionId,
              next.what(),
              e.getClass().getSimpleName());
          continue;
        }
        if (pending.size() > MAX_PENDING) {
          log.warn(
              "session={} event=ledger-dropped what={}", sessionId, pending.removeFirst().what());
        }
        scheduleRetry();
        return;
      }
    }
  }

  private void scheduleRetry() {
    if (retrying) {
      return;
    }
    retrying = true;
    log.warn(
        "session={} event=ledger-waiting pending={}: database unreachable, retrying every {}",
        sessionId,
        pending.size(),
        RETRY);
    try {
      thread.schedule(
          () -> {
            retrying = false;
            flush();
          },
          RETRY.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // close() reports what is left
    }
  }

  /**
   * Whether {@code e} means the database cannot be reached (worth retrying) rather than a refusal.
   */
  static boolean isOutage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  private static ScheduledThreadPoolExecutor ledgerThread() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1, r -> Thread.ofPlatform().daemon().name("session-ledger").unstarted(r));
    // On close, a waiting retry is not worth waiting for: close() makes one last try itself.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return executor;
  }

  private static OffsetDateTime now() {
    return Instant.now().atOffset(ZoneOffset.UTC);
  }

  /** Writes what is queued (waiting up to 5 s), then stops. */
  @Override
  public void close() {
    try {
      thread.execute(this::flush); // one last try for rows waiting on a retry
    } catch (RejectedExecutionException alreadyClosed) {
      return;
    }
    thread.shutdown();
    try {
      if (thread.awaitTermination(5, TimeUnit.SECONDS) && !pending.isEmpty()) {
        log.warn(
            "session={} event=ledger-lost rows={}: the database was unreachable at shutdown",
            sessionId,
            pending.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
