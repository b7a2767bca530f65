package dev.kubetty.relay.logs;

import java.nio.charset.StandardCharsets;

/**
 * The search text as the logs match it against stored bytes. Chunks are arbitrary bytes (a chunk
 * may end inside a UTF-8 sequence, a program may print invalid UTF-8), so they are never decoded:
 * the text's UTF-8 bytes are matched exactly, only the letters A-Z case-insensitively ("é" does not
 * find "É"). A match may begin in the bytes just before a chunk (at most {@link #overlap} of them)
 * and belongs to the chunk it ends in.
 */
final class SearchNeedle {
  static final SearchNeedle NONE = new SearchNeedle(new byte[0]);

  private final byte[] lowered;

  private SearchNeedle(byte[] lowered) {
    this.lowered = lowered;
  }

  static SearchNeedle of(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = lower(bytes[i]);
    }
    return bytes.length == 0 ? NONE : new SearchNeedle(bytes);
  }

  boolean isEmpty() {
    return lowered.length == 0;
  }

  /** How many bytes before a chunk a match may begin in: the text's UTF-8 length - 1. */
  int overlap() {
    return Math.max(0, lowered.length - 1);
  }

  /**
   * Whether the text occurs in {@code before} followed by {@code data} and ends in {@code data};
   * {@code before} holds at most {@link #overlap} bytes, so every occurrence does.
   */
  boolean endsIn(byte[] before, byte[] data) {
    int total = before.length + data.length;
    for (int start = 0; start + lowered.length <= total; start++) {
      int k = 0;
      while (k < lowered.length && at(before, data, start + k) == lowered[k]) {
        k++;
      }
      if (k == lowered.length) {
        return true;
      }
    }
    return false;
  }

  private static byte at(byte[] before, byte[] data, int index) {
    return lower(index < before.length ? before[index] : data[index - before.length]);
  }

  private static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }
}
