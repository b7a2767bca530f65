package dev.kubetty.desktop.terminal;

/**
 * Lines the app writes into a terminal itself, styled so they cannot be mistaken for the shell's
 * output: a yellow bar for lost output, dim text for shell restarts and exec tab events, a grey bar
 * for an exec's exit code, bold red text for an exec that failed.
 */
public final class TerminalNotices {
  private static final String BAR = "\u001b[0m\r\n\u001b[30;43m ";
  private static final String END = " \u001b[0m\r\n";
  private static final String DIM = "\u001b[0m\r\n\u001b[2m";
  private static final String DIM_END = "\u001b[0m\r\n";

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

  /** An exec tab's shell started; {@code fellBack} names the preferred shells the image lacks. */
  public static String execStarted(String shell, String where, String fellBack) {
    return DIM
        + "[kubetty: "
        + shell
        + " in "
        + where
        + (fellBack.isEmpty() ? "" : " (" + fellBack + " not found in the image)")
        + "]"
        + DIM_END;
  }

  /** An exec tab is opening a new shell. */
  public static String execOpening(String where) {
    return DIM + "[kubetty: opening a shell in " + where + "…]" + DIM_END;
  }

  /** An exec tab's shell ended with {@code code}. */
  public static String execEnded(int code) {
    return "\u001b[0m\r\n\u001b[1;30;47m kubetty: the shell exited with code "
        + code
        + " "
        + END
        + "\u001b[2mPress Enter or R for a new shell in the same container.\u001b[0m\r\n";
  }

  /** An exec tab's shell could not start or was cut, {@code why} in plain words. */
  public static String execFailed(String why) {
    return "\u001b[0m\r\n\u001b[1;31mkubetty: "
        + why
        + "\u001b[0m\r\n\u001b[2mPress Enter or R to try again.\u001b[0m\r\n";
  }
}
