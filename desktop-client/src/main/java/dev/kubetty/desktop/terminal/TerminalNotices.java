package dev.kubetty.desktop.terminal;

/**
 * Lines the app writes into a terminal itself, styled so they cannot be mistaken for the shell's
 * output: a yellow bar for lost output, dim text for shell restarts.
 */
public final class TerminalNotices {
  private static final String BAR = "\u001b[0m\r\n\u001b[30;43m ";
  private static final String END = " \u001b[0m\r\n";

  private TerminalNotices() {}

  /** {@code bytes} of output were lost while disconnected. */
  public static String gap(long bytes) {
    return BAR + "kubetty: " + bytes + " bytes of output were lost while disconnected" + END;
  }

  /** The relay restarted and forgot {@code bytes} that were already shown. */
  public static String rewind(long bytes) {
    return BAR + "kubetty: the relay restarted; it lost the last " + bytes + " bytes shown" + END;
  }

  /** The relay's shell ended with {@code code}; the relay starts a new one. */
  public static String shellExited(int code) {
    return "\u001b[0m\r\n\u001b[2m[kubetty: the shell exited with code "
        + code
        + "; the relay started a new shell]\u001b[0m\r\n";
  }
}
