package dev.kubetty.relay.attach;

import java.io.ByteArrayOutputStream;

/**
 * Finds ssh-style escape sequences in keyboard input. The escape character (default {@code ~}) is
 * special only at the start of input or right after Enter (CR or LF):
 *
 * <pre>
 *   Enter ~ .   detach
 *   Enter ~ ~   send one ~
 *   Enter ~ ?   show help (the next ~ is still special)
 *   Enter ~ x   send ~ and x unchanged
 * </pre>
 *
 * A sequence may be split across reads: a held escape character waits for the next {@link #scan}.
 * Not thread-safe; one input thread owns it.
 */
public final class EscapeScanner {
  private static final int NONE = -1;

  /** What one read of input turns into. */
  public record Result(byte[] forward, boolean help, boolean detach) {}

  private final int escape;
  private boolean lineStart = true;
  private boolean held;

  private EscapeScanner(int escape) {
    this.escape = escape;
  }

  /** A scanner for {@code escape} (a byte value 0–255). */
  public static EscapeScanner of(int escape) {
    if (escape < 0 || escape > 255) {
      throw new IllegalArgumentException("escape must be a byte value, got " + escape);
    }
    return new EscapeScanner(escape);
  }

  /** A scanner that forwards everything unchanged and never detaches. */
  public static EscapeScanner disabled() {
    return new EscapeScanner(NONE);
  }

  /**
   * Scans {@code length} bytes of {@code input}. After a detach the rest of the input is dropped:
   * {@code forward} holds only what came before the sequence.
   */
  public Result scan(byte[] input, int length) {
    ByteArrayOutputStream forward = new ByteArrayOutputStream(length + 1);
    boolean help = false;
    for (int i = 0; i < length; i++) {
      int b = input[i] & 0xff;
      if (held) {
        held = false;
        if (b == '.') {
          return new Result(forward.toByteArray(), help, true);
        }
        if (b == '?') {
          help = true;
          lineStart = true;
          continue;
        }
        forward.write(escape);
        if (b == escape) {
          lineStart = false;
          continue;
        }
      } else if (escape != NONE && lineStart && b == escape) {
        held = true;
        continue;
      }
      forward.write(b);
      lineStart = b == '\r' || b == '\n';
    }
    return new Result(forward.toByteArray(), help, false);
  }

  /** The help text for {@code ~?}, lines separated by {@code newline}. */
  public String help(String newline) {
    String e = escape == NONE ? "~" : String.valueOf((char) escape);
    return "Supported escape sequences (after Enter):"
        + newline
        + " "
        + e
        + ".  detach (the shell keeps running)"
        + newline
        + " "
        + e
        + e
        + "  send the escape character"
        + newline
        + " "
        + e
        + "?  this help"
        + newline;
  }
}
