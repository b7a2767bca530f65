package dev.kubetty.relay.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a password for the command line: the first line of standard input, or a prompt on the
 * terminal without echo. Never from an argument (it would show in {@code ps} and shell history).
 */
final class PasswordPrompt {
  private PasswordPrompt() {}

  /** The password was not given in a usable way; the message says how to give it. */
  static final class PasswordInputException extends RuntimeException {
    PasswordInputException(String message) {
      super(message);
    }
  }

  /**
   * The first line of {@code in}, read byte by byte so that what follows stays unread (attach sends
   * it to the shell).
   */
  static char[] fromStdin(InputStream in) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        if (b != '\r') {
          bytes.write(b);
        }
      }
    } catch (IOException e) {
      throw new PasswordInputException("cannot read standard input: " + e.getMessage());
    }
    if (bytes.size() == 0) {
      throw new PasswordInputException("no password on standard input");
    }
    return bytes.toString(StandardCharsets.UTF_8).toCharArray();
  }

  /** Asks on the terminal; with {@code confirm}, twice, and both must match. */
  static char[] fromTerminal(String prompt, boolean confirm) {
    Console console = System.console();
    if (console == null) {
      throw new PasswordInputException(
          "no terminal to ask for the password; pipe it in with --password-stdin");
    }
    char[] first = console.readPassword("%s", prompt);
    if (first == null || first.length == 0) {
      throw new PasswordInputException("no password given");
    }
    if (confirm) {
      char[] second = console.readPassword("Repeat password: ");
      boolean same = Arrays.equals(first, second);
      if (second != null) {
        Arrays.fill(second, '\0');
      }
      if (!same) {
        throw new PasswordInputException("the passwords do not match");
      }
    }
    return first;
  }
}
