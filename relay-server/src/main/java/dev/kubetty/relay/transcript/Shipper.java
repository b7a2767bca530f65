package dev.kubetty.relay.transcript;

import dev.kubetty.relay.store.ChunkRow;
import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.TranscriptDao;
import dev.kubetty.relay.store.TranscriptRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of a {@link TranscriptWriter}: the only thread that talks to PostgreSQL. It
 * keeps one handle (and its DAO) while batches keep coming, inserts ready batches, spools the ones
 * that fail, and replays the spool a batch at a time once an insert succeeds again (retrying every
 * {@code retryInterval}). A slow or dead database stalls only this thread; recording and draining
 * carry on into the spool.
 */
final class Shipper {
  private static final Logger log = LoggerFactory.getLogger(Shipper.class);
  private static final int REPLAY_BYTES = 1 << 20;

  /** While the database is behind, up to this much ready payload goes into one transaction. */
  private static final long TRANSACTION_BYTES = 4 << 20;

  /** A handle unused this long goes back to the pool (so the pool can retire its connection). */
  private static final long KEEP_HANDLE_NANOS = 1_000_000_000L;

  private final Jdbi jdbi;
  private final Backlog backlog;
  private final String name;
  private final long retryNanos;
  private final LongConsumer settled;
  private volatile String degradedReason;
  private long retryAtNanos;
  private Handle handle;
  private TranscriptDao dao;
  private long handleUsedNanos;

  Shipper(Jdbi jdbi, Backlog backlog, String name, long retryNanos, LongConsumer settled) {
    this.jdbi = jdbi;
    this.backlog = backlog;
    this.name = name;
    this.retryNanos = retryNanos;
    this.settled = settled;
  }

  String degradedReason() {
    return degradedReason;
  }

  void degraded(String reason) {
    if (degradedReason == null) {
      degradedReason = reason;
      log.warn("transcript {}: {}", name, reason);
    }
  }

  /**
   * One pass: store the ready batches (several per transaction when the database is behind), or,
   * while waiting to retry a failed database, spool them at once so memory empties; else replay a
   * spool batch if a retry is due.
   */
  void step(long idleMillis) throws IOException, InterruptedException {
    boolean due = retryDue();
    Backlog.Batch first = backlog.takeReady(due && backlog.spooledBytes() > 0 ? 0 : idleMillis);
    if (first != null) {
      List<Backlog.Batch> batches = new ArrayList<>(List.of(first));
      long bytes = first.bytes();
      Backlog.Batch more;
      while (bytes < TRANSACTION_BYTES && (more = backlog.takeReady(0)) != null) {
        batches.add(more);
        bytes += more.bytes();
      }
      if (due && store(batches.stream().flatMap(b -> b.rows().stream()).toList())) {
        settled.accept(batches.stream().mapToLong(Backlog.Batch::items).sum());
      } else {
        for (Backlog.Batch batch : batches) {
          backlog.spillFailed(batch);
        }
      }
    } else if (due && backlog.spooledBytes() > 0) {
      replayBatch();
    } else if (handle != null && System.nanoTime() - handleUsedNanos > KEEP_HANDLE_NANOS) {
      releaseHandle();
    }
  }

  /** The final pass at close: store or spool what is ready, replay until {@code deadline}. */
  void finish(long deadline) throws IOException, InterruptedException {
    Backlog.Batch batch;
    while ((batch = backlog.takeReady(0)) != null) {
      if (System.nanoTime() - deadline < 0 && retryDue() && store(batch.rows())) {
        settled.accept(batch.items());
      } else {
        backlog.spillFailed(batch);
      }
    }
    while (backlog.spooledBytes() > 0 && System.nanoTime() - deadline < 0) {
      if (retryDue()) {
        replayBatch();
      } else {
        Thread.sleep(
            Math.max(
                1,
                Math.min(retryAtNanos - System.nanoTime(), deadline - System.nanoTime())
                    / 1_000_000));
      }
    }
    releaseHandle();
  }

  private boolean retryDue() {
    return System.nanoTime() - retryAtNanos >= 0;
  }

  private void replayBatch() throws IOException {
    Spool.Batch batch = backlog.readSpool(REPLAY_BYTES);
    if (!store(batch.rows())) {
      return;
    }
    long items = backlog.commitSpool(batch.end());
    if (items >= 0) { // the spool emptied (the drain thread may have started a new one since)
      if (degradedReason != null) {
        degradedReason = null;
        log.info("transcript {}: spool replayed, writing to the database again", name);
      }
      settled.accept(items);
    }
  }

  /** Inserts rows in one transaction; false (and a retry pause) if the database failed. */
  private boolean store(List<TranscriptRow> rows) {
    List<ChunkRow> chunks = new ArrayList<>();
    List<EventRow> events = new ArrayList<>();
    for (TranscriptRow row : rows) {
      switch (row) {
        case ChunkRow c -> chunks.add(c);
        case EventRow e -> events.add(e);
      }
    }
    try {
      if (handle == null) {
        handle = jdbi.open();
        dao = handle.attach(TranscriptDao.class);
      }
      handle.useTransaction(
          h -> {
            if (!chunks.isEmpty()) {
              dao.insertChunks(chunks);
            }
            if (!events.isEmpty()) {
              dao.insertEvents(events);
            }
          });
      handleUsedNanos = System.nanoTime();
      return true;
    } catch (Exception e) { // Jdbi can rethrow checked exceptions; all of them mean "not stored"
      releaseHandle(); // its connection may be broken: the retry takes a fresh one
      retryAtNanos = System.nanoTime() + retryNanos;
      if (degradedReason == null || !degradedReason.startsWith("database unavailable")) {
        degradedReason = "database unavailable: " + summary(e);
        log.warn("transcript {}: {}; spooling", name, degradedReason);
      }
      return false;
    }
  }

  private void releaseHandle() {
    if (handle != null) {
      try {
        handle.close();
      } catch (RuntimeException e) {
        log.debug("transcript {}: closing a broken handle: {}", name, summary(e));
      }
      handle = null;
      dao = null;
    }
  }

  /**
   * The failure's root class and SQLSTATE. Never its message: driver and Jdbi messages can quote
   * the bound parameters, i.e. transcript bytes, and this text reaches logs and {@code /readyz}.
   */
  static String summary(Throwable e) {
    String state = null;
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (state == null && t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
        state = sql.getSQLState();
      }
      root = t;
    }
    return root.getClass().getSimpleName() + (state == null ? "" : " (SQLSTATE " + state + ")");
  }
}
