package dev.kubetty.relay.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds a byte marker in a stream that arrives in chunks, also when the marker spans chunks
 * (Knuth–Morris–Pratt). Not thread-safe: one reader feeds it.
 *
 * <p>Given the filler byte that makes up most of the stream (a throughput run's payload), it skips
 * runs of it eight bytes at a time: the probe must cost the paths it times as little as possible.
 */
final class MarkerScanner {
  private static final int RUN = 8 << 10;

  private final byte[] marker;
  private final int[] fallback;
  private final byte[] fillerRun; // null: no filler, or the filler could start the marker
  private int matched;

  MarkerScanner(String marker) {
    this(marker, null);
  }

  /** A scanner that skips runs of {@code filler} (null: none) quickly. */
  MarkerScanner(String marker, Byte filler) {
    this.marker = marker.getBytes(StandardCharsets.US_ASCII);
    if (this.marker.length == 0) {
      throw new IllegalArgumentException("empty marker");
    }
    this.fallback = fallbackTable(this.marker);
    if (filler != null && filler != this.marker[0]) {
      this.fillerRun = new byte[RUN];
      Arrays.fill(fillerRun, filler);
    } else {
      this.fillerRun = null;
    }
  }

  int length() {
    return marker.length;
  }

  /**
   * Scans {@code data[from..to)}.
   *
   * @return the index just after the marker's last byte, or -1 if it did not end in this range
   */
  int find(byte[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      if (matched == 0) {
        // Fast path over long runs of payload: nothing to compare until the first marker byte.
        i = indexOf(marker[0], data, skipFiller(data, i, to), to);
        if (i == to) {
          return -1;
        }
      }
      byte b = data[i];
      while (matched > 0 && b != marker[matched]) {
        matched = fallback[matched - 1];
      }
      if (b == marker[matched] && ++matched == marker.length) {
        matched = 0;
        return i + 1;
      }
    }
    return -1;
  }

  /** The index of the first byte in {@code data[from..to)} that is not the filler, or to. */
  private int skipFiller(byte[] data, int from, int to) {
    if (fillerRun == null) {
      return from;
    }
    int i = from;
    while (i < to) {
      int n = Math.min(to - i, RUN);
      int differs = Arrays.mismatch(data, i, i + n, fillerRun, 0, n);
      if (differs >= 0) {
        return i + differs;
      }
      i += n;
    }
    return to;
  }

  private static int indexOf(byte value, byte[] data, int from, int to) {
    int i = from;
    while (i < to && data[i] != value) {
      i++;
    }
    return i;
  }

  private static int[] fallbackTable(byte[] pattern) {
    int[] table = new int[pattern.length];
    int k = 0;
    for (int i = 1; i < pattern.length; i++) {
      while (k > 0 && pattern[i] != pattern[k]) {
        k = table[k - 1];
      }
      if (pattern[i] == pattern[k]) {
        k++;
      }
      table[i] = k;
    }
    return table;
  }
}
