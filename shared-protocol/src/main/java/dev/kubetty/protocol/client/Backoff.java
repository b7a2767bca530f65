package dev.kubetty.protocol.client;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter between a floor and a ceiling.
 *
 * <p>Attempt {@code n} (counting from 0) waits a uniformly random time in {@code [min, min(max, min
 * × 2ⁿ)]}, so the first retry after a drop comes after {@code min} and later ones spread out up to
 * {@code max}. Not thread-safe: the owner guards it.
 */
final class Backoff {
  private final long minNanos;
  private final long maxNanos;
  private final Random random;
  private int attempts;

  Backoff(Duration min, Duration max, Random random) {
    check(min, max);
    this.minNanos = min.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** Rejects bounds other than {@code 0 < min <= max}. */
  static void check(Duration min, Duration max) {
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + ", " + max);
    }
  }

  /** The wait before the next attempt; counts the attempt. */
  Duration next() {
    long ceiling = ceilingFor(attempts);
    attempts++;
    long spread = ceiling - minNanos;
    long jitter = spread == 0 ? 0 : random.nextLong(spread + 1);
    return Duration.ofNanos(minNanos + jitter);
  }

  /** How many waits {@link #next()} handed out since the last {@link #reset()}. */
  int attempts() {
    return attempts;
  }

  /** Starts again from the floor, after a connection succeeded. */
  void reset() {
    attempts = 0;
  }

  private long ceilingFor(int attempt) {
    // Shifting past 62 bits would overflow; by then the ceiling is max anyway.
    if (attempt >= 62 || minNanos > (maxNanos >> attempt)) {
      return maxNanos;
    }
    return Math.min(maxNanos, minNanos << attempt);
  }
}
