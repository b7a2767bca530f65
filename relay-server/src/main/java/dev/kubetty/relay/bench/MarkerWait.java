package dev.kubetty.relay.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tap that waits for a marker and remembers when the first chunk and the marker arrived.
 * Thread-safe: one feeding thread, any number of waiters.
 */
final class MarkerWait implements OutputTap {
  private final MarkerScanner scanner;
  private final String marker;
  private final CountDownLatch found = new CountDownLatch(1);
  private volatile long firstNanos = -1;
  private volatile long foundNanos = -1;

  MarkerWait(String marker) {
    this.marker = marker;
    this.scanner = new MarkerScanner(marker);
  }

  @Override
  public void accept(long nanos, byte[] data, int length) {
    if (firstNanos < 0) {
      firstNanos = nanos;
    }
    if (found.getCount() > 0 && scanner.find(data, 0, length) >= 0) {
      foundNanos = nanos;
      found.countDown();
    }
  }

  /**
   * Waits for the marker.
   *
   * @return {@link System#nanoTime()} of the chunk that completed it
   * @throws BenchException if it did not come within {@code timeout}
   */
  long await(Duration timeout) throws InterruptedException {
    if (!found.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new BenchException("no \"" + marker + "\" in the output within " + timeout);
    }
    return foundNanos;
  }

  /** Arrival of the first chunk this tap saw, or -1. */
  long firstNanos() {
    return firstNanos;
  }
}
