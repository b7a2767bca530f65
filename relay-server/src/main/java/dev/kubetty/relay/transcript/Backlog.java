package dev.kubetty.relay.transcript;

import dev.kubetty.relay.store.TranscriptRow;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Rows between the drain thread and the database thread: batches ready in memory (at most {@code
 * maxReadyBytes}) and the spool. While the spool holds anything, or the database last failed, new
 * batches go to the spool too, so the spool is replayed before memory catches up again. All methods
 * are synchronized; none waits for the database.
 */
final class Backlog {
  /** Rows formed from {@code items} recorded items carrying {@code bytes} of payload. */
  record Batch(List<TranscriptRow> rows, long items, long bytes) {}

  private final Spool spool;
  private final long maxReadyBytes;
  private final ArrayDeque<Batch> ready = new ArrayDeque<>();
  private long readyBytes;
  private long spooledItems;
  private boolean failing;
  private boolean closing;

  Backlog(Spool spool, long maxReadyBytes) {
    this.spool = spool;
    this.maxReadyBytes = maxReadyBytes;
  }

  /**
   * Hands a batch to the database thread, or spools it if that thread is failing or behind.
   *
   * @return false if the batch was spooled
   */
  synchronized boolean accept(Batch batch) throws IOException {
    if (failing || spool.pendingBytes() > 0 || readyBytes + batch.bytes() > maxReadyBytes) {
      spill(batch);
      return false;
    }
    ready.addLast(batch);
    readyBytes += batch.bytes();
    notifyAll();
    return true;
  }

  /** The next ready batch, waiting up to {@code millis}; null if none. */
  synchronized Batch takeReady(long millis) throws InterruptedException {
    if (ready.isEmpty() && millis > 0 && !closing) {
      wait(millis);
    }
    Batch batch = ready.pollFirst();
    if (batch != null) {
      readyBytes -= batch.bytes();
    }
    return batch;
  }

  /** Spools a batch the database refused; everything after it is spooled until replayed. */
  synchronized void spillFailed(Batch batch) throws IOException {
    failing = true;
    spill(batch);
  }

  private void spill(Batch batch) throws IOException {
    spool.append(batch.rows());
    spooledItems += batch.items();
  }

  /** Rows from the oldest unreplayed part of the spool. */
  synchronized Spool.Batch readSpool(int maxBytes) throws IOException {
    return spool.read(maxBytes);
  }

  /**
   * Marks spool rows up to {@code end} as stored. Returns the items now settled: all spooled items
   * once the spool is empty (it is then deleted and batches go to memory again), else 0.
   */
  synchronized long commitSpool(long end) throws IOException {
    spool.commit(end);
    if (spool.pendingBytes() > 0) {
      return 0;
    }
    failing = false;
    long settled = spooledItems;
    spooledItems = 0;
    return settled;
  }

  synchronized long spooledBytes() {
    return spool.pendingBytes();
  }

  synchronized boolean hasReady() {
    return !ready.isEmpty();
  }

  /** Wakes the database thread for its final pass. */
  synchronized void closing() {
    closing = true;
    notifyAll();
  }

  synchronized void closeSpool() throws IOException {
    spool.close();
  }
}
