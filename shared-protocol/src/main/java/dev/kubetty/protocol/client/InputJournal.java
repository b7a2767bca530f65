package dev.kubetty.protocol.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The input this client has handed to its connections: counted, the newest {@link #KEEP_BYTES} (at
 * least) kept, so that after a reconnect the bytes a dead connection swallowed can be sent again
 * (PROTOCOL.md section 5.1). Not thread-safe: the owner guards it.
 */
final class InputJournal {
  static final int KEEP_BYTES = 64 << 10;

  private final ArrayDeque<byte[]> kept = new ArrayDeque<>();
  private long keptBytes;
  private long sent;

  /**
   * What to send again after a {@code ready}, and how many bytes were lost.
   *
   * @param chunks the bytes the relay did not get, oldest first; empty if none or if they cannot be
   *     sent again
   * @param lost bytes the relay did not get that are no longer kept
   */
  record Resend(List<byte[]> chunks, long lost) {
    static final Resend NOTHING = new Resend(List.of(), 0);
  }

  /**
   * Counts {@code input} as handed to a connection and keeps it: the caller hands the array over
   * and no longer changes it.
   */
  void record(byte[] input) {
    kept.addLast(input);
    keptBytes += input.length;
    sent += input.length;
    while (!kept.isEmpty() && keptBytes - kept.peekFirst().length >= KEEP_BYTES) {
      keptBytes -= kept.removeFirst().length;
    }
  }

  /** Input bytes counted so far. */
  long sent() {
    return sent;
  }

  /**
   * Reconciles with a {@code ready} whose {@code input} is {@code relayHas} (null: the relay counts
   * this client from 0 now). Where the counts cannot be reconciled, this client's count becomes the
   * relay's and nothing is sent again.
   */
  Resend afterReady(Long relayHas) {
    if (relayHas == null) {
      reset(0);
      return Resend.NOTHING;
    }
    long missing = sent - relayHas;
    if (missing == 0) {
      return Resend.NOTHING;
    }
    if (missing < 0 || missing > keptBytes) {
      long lost = Math.max(0, missing);
      reset(relayHas);
      return new Resend(List.of(), lost);
    }
    return new Resend(tail(missing), 0);
  }

  /** The newest {@code bytes} bytes kept, oldest first; {@code bytes} ≤ what is kept. */
  private List<byte[]> tail(long bytes) {
    List<byte[]> newestFirst = new ArrayList<>();
    long left = bytes;
    for (Iterator<byte[]> it = kept.descendingIterator(); left > 0; ) {
      byte[] chunk = it.next();
      if (chunk.length <= left) {
        newestFirst.add(chunk);
        left -= chunk.length;
      } else {
        newestFirst.add(Arrays.copyOfRange(chunk, (int) (chunk.length - left), chunk.length));
        left = 0;
      }
    }
    return newestFirst.reversed();
  }

  private void reset(long count) {
    kept.clear();
    keptBytes = 0;
    sent = count;
  }
}
