package dev.kubetty.relay.transcript;

import dev.kubetty.relay.store.ChunkRow;
import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.TranscriptDao;
import dev.kubetty.relay.store.TranscriptRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a {@link TranscriptWriter}'s thread: drain the queue into rows, insert them, or
 * append them to the spool while the spool is not empty (so rows stay in order) or the database
 * fails or falls behind; replay the spool a batch at a time when the database answers again.
 */
final class WriterLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(WriterLoop.class);
  private static final int BATCH_BYTES = 1 << 20;
  private static final long IDLE_NANOS = Duration.ofMillis(20).toNanos();

  private final Jdbi jdbi;
  private final Path spoolFile;
  private final TranscriptWriter.Limits limits;
  private final TranscriptWriter source;
  private final Object progress = new Object();
  private volatile boolean running = true;
  private volatile boolean parked;
  private volatile String degradedReason;
  private volatile long spooledBytes;
  private long storedItems; // guarded by progress
  private boolean failed; // guarded by progress
  private long spooledItems;
  private long retryAtNanos;
  private Spool spool;

  WriterLoop(Jdbi jdbi, Path spoolFile, TranscriptWriter.Limits limits, TranscriptWriter source) {
    this.jdbi = jdbi;
    this.spoolFile = spoolFile;
    this.limits = limits;
    this.source = source;
  }

  private record Drained(List<TranscriptRow> rows, long items) {}

  @Override
  public void run() {
    try {
      spool = new Spool(spoolFile);
      spooledBytes = spool.pendingBytes();
      if (spooledBytes > 0) {
        degradedReason = "replaying the spool of an earlier run";
        log.info("transcript spool {}: replaying {} bytes", spoolFile, spooledBytes);
      }
      while (running) {
        step();
      }
      finish(System.nanoTime() + limits.closeWait().toNanos());
      spool.close();
    } catch (IOException | RuntimeException e) {
      degradedReason = "transcript writer stopped: " + e;
      log.error(
          "transcript writer {} stopped; rows not yet stored stay in the spool", spoolFile, e);
    }
  }

  private void step() throws IOException {
    boolean spill = spool.pendingBytes() > 0 || source.queuedBytes() > limits.queueBytes();
    Drained drained = drain();
    if (!drained.rows().isEmpty()) {
      if (!spill && store(drained.rows())) {
        settled(drained.items());
      } else {
        toSpool(drained, spill ? "the database is behind; spooling" : degradedReason);
      }
    }
    boolean replayDue = spool.pendingBytes() > 0 && System.nanoTime() - retryAtNanos >= 0;
    if (replayDue) {
      replayBatch();
    } else if (drained.rows().isEmpty()) {
      parked = true;
      LockSupport.parkNanos(this, IDLE_NANOS);
      parked = false;
    }
  }

  private Drained drain() {
    RowBatcher batcher = new RowBatcher(limits.maxRowBytes());
    long items = 0;
    long bytes = 0;
    TranscriptRow row;
    while (bytes < BATCH_BYTES && (row = source.poll()) != null) {
      batcher.add(row);
      items++;
      bytes += row.payloadBytes();
    }
    return new Drained(batcher.take(), items);
  }

  private void toSpool(Drained drained, String reason) throws IOException {
    spool.append(drained.rows());
    spooledItems += drained.items();
    spooledBytes = spool.pendingBytes();
    if (degradedReason == null) {
      degradedReason = reason == null ? "spooling" : reason;
      log.warn("transcript {}: {}", spoolFile.getFileName(), degradedReason);
    }
  }

  private void replayBatch() throws IOException {
    Spool.Batch batch = spool.read(BATCH_BYTES);
    if (!store(batch.rows())) {
      return;
    }
    spool.commit(batch.end());
    spooledBytes = spool.pendingBytes();
    if (spooledBytes == 0) {
      settled(spooledItems);
      spooledItems = 0;
      degradedReason = null;
      log.info(
          "transcript {}: spool replayed, writing to the database again", spoolFile.getFileName());
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
      jdbi.useTransaction(
          handle -> {
            TranscriptDao dao = handle.attach(TranscriptDao.class);
            if (!chunks.isEmpty()) {
              dao.insertChunks(chunks);
            }
            if (!events.isEmpty()) {
              dao.insertEvents(events);
            }
          });
      return true;
    } catch (Exception e) { // Jdbi can rethrow checked exceptions; all of them mean "not stored"
      retryAtNanos = System.nanoTime() + limits.retryInterval().toNanos();
      if (degradedReason == null || !degradedReason.startsWith("database unavailable")) {
        degradedReason = "database unavailable: " + summary(e);
        log.warn("transcript {}: {}; spooling", spoolFile.getFileName(), degradedReason);
      }
      return false;
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

  /** Stores or spools everything queued, then replays the spool until {@code deadline}. */
  private void finish(long deadline) throws IOException {
    Drained drained;
    while (!(drained = drain()).rows().isEmpty()) {
      if (spool.pendingBytes() > 0 || System.nanoTime() - deadline >= 0 || !store(drained.rows())) {
        toSpool(drained, "closing");
      } else {
        settled(drained.items());
      }
    }
    while (spool.pendingBytes() > 0 && System.nanoTime() - deadline < 0) {
      if (System.nanoTime() - retryAtNanos >= 0) {
        replayBatch();
      } else {
        LockSupport.parkNanos(
            Math.min(retryAtNanos - System.nanoTime(), deadline - System.nanoTime()));
      }
    }
  }

  private void settled(long items) {
    synchronized (progress) {
      storedItems += items;
      progress.notifyAll();
    }
  }

  boolean awaitStored(long items, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (storedItems < items) {
        if (failed) {
          return false;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        progress.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  WriterHealth health(long lostBytes) {
    String reason = degradedReason;
    if (reason == null && lostBytes == 0) {
      return new WriterHealth.Ok();
    }
    return new WriterHealth.Degraded(
        reason == null ? "transcript bytes were dropped" : reason, spooledBytes, lostBytes);
  }

  boolean stopped() {
    return !running;
  }

  void stop() {
    running = false;
  }

  void wake(Thread thread) {
    if (parked) {
      LockSupport.unpark(thread);
    }
  }
}
