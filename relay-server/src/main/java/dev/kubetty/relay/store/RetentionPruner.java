package dev.kubetty.relay.store;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes stored history older than {@code KUBETTY_RETENTION_DAYS}, in the background: once a
 * minute after start, then every hour. A failed run (database down) is logged and retried at the
 * next hour; nothing else depends on it.
 */
public final class RetentionPruner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RetentionPruner.class);

  private final Jdbi jdbi;
  private final Duration keep;
  private final Clock clock;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("retention").unstarted(r));

  private RetentionPruner(Jdbi jdbi, Duration keep, Clock clock) {
    this.jdbi = jdbi;
    this.keep = keep;
    this.clock = clock;
  }

  /** Starts pruning history older than {@code keep} on a schedule. */
  public static RetentionPruner start(Jdbi jdbi, Duration keep) {
    RetentionPruner pruner = new RetentionPruner(jdbi, keep, Clock.systemUTC());
    pruner.scheduler.scheduleWithFixedDelay(pruner::pruneLogged, 1, 60, TimeUnit.MINUTES);
    return pruner;
  }

  /** A pruner that only prunes when asked, against {@code clock}; for tests and tools. */
  static RetentionPruner manual(Jdbi jdbi, Duration keep, Clock clock) {
    return new RetentionPruner(jdbi, keep, clock);
  }

  /** Deletes everything recorded before now minus the retention; returns the rows deleted. */
  public int prune() {
    var cutoff = clock.instant().minus(keep).atOffset(ZoneOffset.UTC);
    return jdbi.inTransaction(
        handle -> {
          RetentionDao dao = handle.attach(RetentionDao.class);
          return dao.deleteChunksBefore(cutoff)
              + dao.deleteEventsBefore(cutoff)
              + dao.deleteAttachmentsBefore(cutoff)
              + dao.deleteGenerationsBefore(cutoff);
        });
  }

  private void pruneLogged() {
    try {
      int rows = prune();
      log.info("event=retention-pruned rows={} keep={}", rows, keep);
    } catch (RuntimeException e) {
      // The database may be down; the next run tries again. Driver text can quote data: not logged.
      log.warn("event=retention-failed error={}", e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
