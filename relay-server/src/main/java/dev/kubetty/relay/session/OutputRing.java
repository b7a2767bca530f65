package dev.kubetty.relay.session;

/**
 * The most recent output of a session, addressed by absolute stream offsets.
 *
 * <pre>
 *   stream:  ...[ overwritten ][ start ........................ end )
 *   offsets:                    oldest kept byte              next byte to be written
 * </pre>
 *
 * <p>Holds at most {@link #capacity()} bytes; appending more overwrites the oldest. Not
 * thread-safe: {@link TerminalSession} guards it with its lock.
 */
final class OutputRing {
  private final byte[] bytes;
  private long start;
  private long end;

  /** An empty ring whose first byte will have offset {@code firstOffset}. */
  OutputRing(int capacity, long firstOffset) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.bytes = new byte[capacity];
    this.start = firstOffset;
    this.end = firstOffset;
  }

  int capacity() {
    return bytes.length;
  }

  /** Offset of the oldest byte still held. */
  long start() {
    return start;
  }

  /** Offset one past the newest byte: where the next append lands. */
  long end() {
    return end;
  }

  /** Appends {@code src[0..length)}, overwriting the oldest bytes if the ring is full. */
  void append(byte[] src, int length) {
    int from = 0;
    if (length > bytes.length) {
      from = length - bytes.length;
      end += from;
    }
    int pos = index(end);
    int first = Math.min(length - from, bytes.length - pos);
    System.arraycopy(src, from, bytes, pos, first);
    System.arraycopy(src, from + first, bytes, 0, length - from - first);
    end += length - from;
    start = Math.max(start, end - bytes.length);
  }

  /**
   * Copies the bytes {@code [offset, offset + length)} into a new array.
   *
   * @throws IllegalArgumentException if any of them is no longer (or not yet) held
   */
  byte[] copy(long offset, int length) {
    if (offset < start || length < 0 || offset + length > end) {
      throw new IllegalArgumentException(
          "range [" + offset + ", " + (offset + length) + ") not in [" + start + ", " + end + ")");
    }
    byte[] out = new byte[length];
    int pos = index(offset);
    int first = Math.min(length, bytes.length - pos);
    System.arraycopy(bytes, pos, out, 0, first);
    System.arraycopy(bytes, 0, out, first, length - first);
    return out;
  }

  private int index(long offset) {
    return (int) Math.floorMod(offset, (long) bytes.length);
  }
}
