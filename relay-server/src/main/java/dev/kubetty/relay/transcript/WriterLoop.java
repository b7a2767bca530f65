package dev.kubetty.relay.transcript;

import dev.kubetty.relay.store.TranscriptRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two threads behind a {@link TranscriptWriter}. The drain thread ({@code transcript-<id>})
 * turns queued items into rows and hands them to the {@link Backlog}: to memory for the database
 * thread ({@code transcript-db-<id>}, see {@link Shipper}), or to the spool when that thread is
 * failing or behind. The drain thread never touches the database, so a dead or slow database can
 * only grow the spool on disk, never the queue in memory.
 */
final class WriterLoop {
  private static final Logger log = LoggerFactory.getLogger(WriterLoop.class);
  private static final int BATCH_BYTES = 1 << 20;
  private static final long IDLE_NANOS = Duration.ofMillis(20).toNanos();

  /**
   * Queued payload that wakes the drain thread before its next tick: below it, bytes wait up to
   * {@link #IDLE_NANOS}, so a flood is drained in a few large batches, not one per PTY read. Each
   * batch is a transaction, and its commit most of the database's work once rows are compressed: 1
   * MiB halved the embedded server's CPU per MB of a flood against 256 KiB (1.0 to 0.5 ms); 4 MiB
   * saved nothing more.
   */
  private static final long WAKE_BYTES = 1 << 20;

  private final TranscriptWriter.Limits limits;
  private final TranscriptWriter source;
  private final Backlog backlog;
  private final RowBatcher batcher; // drain thread only
  private final Shipper shipper;
  private final Object progress = new Object();
  private final Thread drainThread;
  private final Thread dbThread;
  private volatile boolean running = true;
  private volatile boolean parked;
  private volatile String failure;
  private long storedItems; // guarded by progress
  private boolean failed; // guarded by progress

  WriterLoop(
      Jdbi jdbi,
      Path spoolFile,
      String sessionId,
      TranscriptWriter.Limits limits,
      TranscriptWriter source)
      throws IOException {
    this.limits = limits;
    this.source = source;
    Spool spool = new Spool(spoolFile);
    this.backlog = new Backlog(spool, limits.queueBytes());
    this.batcher = new RowBatcher(limits.maxRowBytes());
    this.shipper =
        new Shipper(jdbi, backlog, sessionId, limits.retryInterval().toNanos(), this::settled);
    if (spool.pendingBytes() > 0) {
      shipper.degraded("replaying " + spool.pendingBytes() + " spooled bytes of an earlier run");
    }
    this.drainThread =
        Thread.ofPlatform().name("transcript-" + sessionId).daemon().unstarted(this::drainLoop);
    this.dbThread =
        Thread.ofPlatform().name("transcript-db-" + sessionId).daemon().unstarted(this::dbLoop);
  }

  void start() {
    drainThread.start();
    dbThread.start();
  }

  private void drainLoop() {
    guard(
        () -> {
          while (running) {
            if (!drainOnce()) {
              parked = true;
              LockSupport.parkNanos(this, IDLE_NANOS);
              parked = false;
            }
          }
          while (drainOnce()) {
            // everything recorded before close goes to the backlog
          }
        });
    backlog.closing();
  }

  /** Drains up to 1 MiB of queued items into the backlog; false if the queue was empty. */
  private boolean drainOnce() throws IOException {
    long items = 0;
    long bytes = 0;
    TranscriptRow row;
    while (bytes < BATCH_BYTES && (row = source.poll()) != null) {
      batcher.add(row);
      items++;
      bytes += row.payloadBytes();
    }
    if (items == 0) {
      return false;
    }
    if (!backlog.accept(new Backlog.Batch(batcher.take(), items, bytes))) {
      shipper.degraded("the database is behind or down; spooling");
    }
    return true;
  }

  private void dbLoop() {
    guard(
        () -> {
          while (running || drainThread.isAlive()) {
            shipper.step(IDLE_NANOS / 1_000_000);
          }
          shipper.finish(System.nanoTime() + limits.closeWait().toNanos());
          backlog.closeSpool();
        });
  }

  private interface Body {
    void run() throws Exception;
  }

  private void guard(Body body) {
    try {
      body.run();
    } catch (Throwable e) {
      // Anything escaping is a bug or a broken disk: report it, never die silently.
      failure = "transcript writer stopped: " + e.getClass().getSimpleName();
      log.error(
          "{}: {}; unstored rows stay in the spool", Thread.currentThread().getName(), failure, e);
      synchronized (progress) {
        failed = true;
        progress.notifyAll();
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
        long left = deadline - System.nanoTime();
        if (failed || left <= 0) {
          return false;
        }
        progress.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  WriterHealth health(long lostBytes) {
    String reason = failure != null ? failure : shipper.degradedReason();
    if (reason == null && lostBytes == 0) {
      return new WriterHealth.Ok();
    }
    return new WriterHealth.Degraded(
        reason == null ? "transcript bytes were dropped" : reason,
        backlog.spooledBytes(),
        lostBytes);
  }

  boolean stopped() {
    return !running;
  }

  /** Stops both threads after the final flush (bounded by the close wait), waiting for them. */
  void close() throws InterruptedException {
    running = false;
    LockSupport.unpark(drainThread);
    drainThread.join(limits.closeWait().toMillis() + 5_000);
    backlog.closing();
    dbThread.join(limits.closeWait().toMillis() + 15_000);
  }

  /** Wakes the drain thread early if {@code queuedBytes} are waiting. */
  void wake(long queuedBytes) {
    if (parked && queuedBytes >= WAKE_BYTES) {
      LockSupport.unpark(drainThread);
    }
  }
}
