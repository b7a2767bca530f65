package dev.kubetty.protocol.client;

import java.util.Arrays;

/**
 * Offset arithmetic that keeps output gap-aware and free of repeats across reconnects.
 *
 * <pre>
 *   relay stream:  … ─────────────┬───────────────┬──────────────▶
 *                           ready.offset      expected       received
 *                                 │◀─ skipped ─▶│◀ delivered ▶│
 * </pre>
 *
 * {@code expected} is the next offset the consumer wants (−1 while unknown); {@code received} is
 * the stream offset of the next byte arriving on the current connection. Bytes below {@code
 * expected} were delivered before and are dropped. Written only by the serialized callback events;
 * {@link #expected()} may be read from any thread.
 */
final class OutputCursor {
  /** Output the consumer has not seen: {@code data[0]} is at stream offset {@code offset}. */
  record Slice(long offset, byte[] data) {}

  /**
   * What a {@code ready} means for the consumer: nothing special (possibly a replay whose repeats
   * {@link #accept} drops), a gap (bytes between the expected offset and {@code ready.offset} are
   * gone), or a rewind: the relay's stream ends before the expected offset (it restarted and lost a
   * tail the consumer had already seen), so output continues at {@code ready.offset}.
   */
  enum ReadyKind {
    CONTIGUOUS,
    GAP,
    REWIND
  }

  private volatile long expected;
  private long received;

  OutputCursor(Long resumeFrom) {
    this.expected = resumeFrom == null ? -1 : resumeFrom;
  }

  /** The next offset the consumer wants, or −1 before the first {@code ready}. */
  long expected() {
    return expected;
  }

  /** The {@code resumeFrom} of the next hello: {@code null} (history) while nothing is known. */
  Long resumeFrom() {
    long next = expected;
    return next < 0 ? null : next;
  }

  /** Stream offset just past the last byte received on this connection: the ack offset. */
  long received() {
    return received;
  }

  /** Whether arriving bytes are still older than {@code expected} (a replay after reconnect). */
  boolean replaying() {
    return received < expected;
  }

  /**
   * A new connection's output starts at {@code readyOffset}; {@code head} is the relay's end of
   * stream ({@code ready.head}, -1 if unknown).
   */
  ReadyKind onReady(long readyOffset, long head) {
    received = readyOffset;
    long wanted = expected;
    if (wanted < 0 || readyOffset == wanted) {
      expected = readyOffset;
      return ReadyKind.CONTIGUOUS;
    }
    if (readyOffset > wanted) {
      expected = readyOffset;
      return ReadyKind.GAP;
    }
    if (head >= 0 && head < wanted) {
      expected = readyOffset;
      return ReadyKind.REWIND;
    }
    return ReadyKind.CONTIGUOUS; // a replay of bytes we had: accept() drops the repeats
  }

  /**
   * Takes one binary frame; returns its unseen part, or {@code null} if all of it was seen. The
   * returned bytes count as delivered from now on: {@link #expected()} already points past them.
   */
  Slice accept(byte[] frame) {
    long start = received;
    received += frame.length;
    long wanted = expected;
    if (received <= wanted) {
      return null;
    }
    int skip = (int) Math.max(0, wanted - start);
    byte[] fresh = skip == 0 ? frame : Arrays.copyOfRange(frame, skip, frame.length);
    expected = received;
    return new Slice(start + skip, fresh);
  }
}
