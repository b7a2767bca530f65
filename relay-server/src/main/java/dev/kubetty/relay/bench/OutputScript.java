package dev.kubetty.relay.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The shell command whose output the throughput runs measure: a begin marker, exactly {@code bytes}
 * of payload without any newline (so the terminal's output processing adds nothing), and an end
 * marker. The command line, when echoed by a shell, contains neither marker literally.
 *
 * @param filler the one byte the payload consists of, or null if it is varied
 */
record OutputScript(String command, String beginMarker, String endMarker, long bytes, Byte filler) {
  /** The byte a {@link Payload#FILL} payload repeats. */
  static final byte FILL_BYTE = 'x';

  /** A run of {@code bytes} of {@code x}. */
  static OutputScript of(long bytes) {
    return of(bytes, Payload.FILL);
  }

  static OutputScript of(long bytes, Payload payload) {
    String id = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    String source =
        switch (payload) {
          case FILL -> "head -c " + bytes + " /dev/zero | tr '\\0' " + (char) FILL_BYTE;
          case TEXT -> "seq 1 999999999 | tr '\\n' ' ' | head -c " + bytes;
        };
    String command = "printf 'KTB%s' " + id + "; " + source + "; printf 'KTE%s' " + id;
    return new OutputScript(
        command, "KTB" + id, "KTE" + id, bytes, payload == Payload.FILL ? FILL_BYTE : null);
  }
}
