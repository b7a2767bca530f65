package dev.kubetty.relay.attach;

import java.io.PrintStream;

/**
 * Prints {@code [kubetty] …} lines to standard error, each on a line of its own. In raw mode the
 * terminal does not turn {@code \n} into {@code \r\n}, so the lines carry their own {@code \r\n}.
 * Thread-safe.
 */
final class StatusLines {
  private final PrintStream err;
  private final boolean raw;

  StatusLines(PrintStream err, boolean raw) {
    this.err = err;
    this.raw = raw;
  }

  /** The line separator for this terminal. */
  String newline() {
    return raw ? "\r\n" : "\n";
  }

  /** Prints one status line. */
  synchronized void print(String message) {
    // In raw mode the cursor may sit after a prompt; start a fresh line first.
    err.print((raw ? "\r\n" : "") + "[kubetty] " + message + newline());
    err.flush();
  }

  /** Prints text as is, such as the escape help. */
  synchronized void printRaw(String text) {
    err.print(text);
    err.flush();
  }
}
