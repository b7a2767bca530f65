package dev.kubetty.relay.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** What {@code seq 1 N} prints through a PTY (each line ends in \r\n), to check a flood by. */
public final class SeqOutput {
  private SeqOutput() {}

  /** The exact bytes of {@code seq 1 lines} as a terminal shows them. */
  public static byte[] expected(int lines) {
    StringBuilder out = new StringBuilder(lines * 9);
    for (int i = 1; i <= lines; i++) {
      out.append(i).append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A shell command that prints exactly what {@code seq 1 lines} prints, in 100 pieces 20 ms apart
   * (about 1 MB/s for 300,000 lines): output a client on the same busy machine keeps up with, so a
   * test of "while the client keeps up" does not hinge on how fast this machine is at the moment.
   * {@code lines} must be a multiple of 100.
   */
  public static String pacedSeq(int lines) {
    if (lines % 100 != 0) {
      throw new IllegalArgumentException("lines must be a multiple of 100: " + lines);
    }
    return "for i in $(seq 0 99); do seq $((i*%1$d+1)) $((i*%1$d+%1$d)); sleep 0.02; done"
        .formatted(lines / 100);
  }

  /** The part of {@code received} from the first "1\r\n2\r\n3\r\n" up to {@code endMarker}. */
  public static byte[] cut(byte[] received, String endMarker) {
    int start = indexOf(received, "1\r\n2\r\n3\r\n".getBytes(StandardCharsets.US_ASCII));
    int end = indexOf(received, endMarker.getBytes(StandardCharsets.US_ASCII));
    return Arrays.copyOfRange(received, start, end);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found: " + new String(needle, StandardCharsets.US_ASCII));
  }
}
