package dev.kubetty.relay.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The shell command whose output the throughput runs measure: a begin marker, exactly {@code bytes}
 * of {@code x} without any newline (so the terminal's output processing adds nothing), and an end
 * marker. The command line, when echoed by a shell, contains neither marker literally.
 */
record OutputScript(String command, String beginMarker, String endMarker, long bytes) {
  /** The payload's one byte value. */
  static final byte PAYLOAD = 'x';

  static OutputScript of(long bytes) {
    String id = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    String command =
        "printf 'KTB%s' "
            + id
            + "; head -c "
            + bytes
            + " /dev/zero | tr '\\0' "
            + (char) PAYLOAD
            + "; printf 'KTE%s' "
            + id;
    return new OutputScript(command, "KTB" + id, "KTE" + id, bytes);
  }
}
