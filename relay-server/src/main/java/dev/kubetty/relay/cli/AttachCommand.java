package dev.kubetty.relay.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.kubetty.protocol.auth.AuthException;
import dev.kubetty.protocol.auth.TokenKeeper;
import dev.kubetty.relay.attach.AttachLogin;
import dev.kubetty.relay.attach.AttachSession;
import dev.kubetty.relay.attach.EscapeScanner;
import dev.kubetty.relay.attach.RelayAddress;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code attach URL}: connects this terminal to a relay's shell. Exit codes: 0 detached or closed
 * normally, 1 closed with an error (busy, taken over, auth), 2 usage error.
 */
@Command(
    name = "attach",
    mixinStandardHelpOptions = true,
    description = {
      "Attach this terminal to the relay's shell (raw mode; window size is forwarded).",
      "Enter ~ . detaches (the shell keeps running), Enter ~ ~ sends ~, Enter ~ ? shows help.",
      "URL: ws://host:port/ws, wss://…, http(s)://… or host:port."
    })
final class AttachCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description = "the relay, e.g. ws://127.0.0.1:8080/ws")
  String url;

  @Option(names = "--takeover", description = "replace a client that is already attached")
  boolean takeover;

  @Option(
      names = "--history",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "show the relay's buffered output first (default: ${DEFAULT-VALUE})")
  boolean history;

  @Option(
      names = "--escape-char",
      paramLabel = "CHAR",
      defaultValue = "~",
      description = "escape character after Enter, or 'none' (default: ${DEFAULT-VALUE})")
  String escapeChar;

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description =
          "log in as NAME (AUTH_MODE=local); the password is asked for, or read from"
              + " standard input with --password-stdin")
  String user;

  @Option(
      names = "--password-stdin",
      description = "read the password for --user from the first line of standard input")
  boolean passwordStdin;

  @Option(
      names = "--credentials-file",
      paramLabel = "FILE",
      description = "log in with the username= and password= lines of FILE")
  Path credentialsFile;

  @Override
  public Integer call() throws IOException {
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    URI uri;
    EscapeScanner escapes;
    try {
      uri = RelayAddress.parse(url);
      escapes = escapeScanner(escapeChar);
    } catch (IllegalArgumentException e) {
      err.println("kubetty-relay attach: " + e.getMessage());
      return 2;
    }
    quietLogs();
    TokenKeeper keeper;
    try {
      keeper = login(uri, err);
    } catch (AuthException e) {
      err.println("kubetty-relay attach: " + e.getMessage());
      return 1;
    } catch (IOException | IllegalArgumentException e) {
      err.println("kubetty-relay attach: " + e.getMessage());
      return 2;
    }
    try {
      return AttachSession.attach(
          new AttachSession.Options(
              uri, takeover, history, escapes, keeper == null ? null : keeper.authorization()),
          err);
    } finally {
      if (keeper != null) {
        keeper.close();
      }
    }
  }

  /** Logs in when asked to; null when no login was asked for. */
  private TokenKeeper login(URI uri, PrintStream err) throws AuthException, IOException {
    AttachLogin.Login login;
    if (credentialsFile != null) {
      login = AttachLogin.fromFile(credentialsFile);
    } else if (user != null) {
      login = new AttachLogin.Login(user, password());
    } else {
      return null;
    }
    return AttachLogin.login(uri, login, err);
  }

  private String password() throws IOException {
    if (passwordStdin) {
      String line =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
              .readLine();
      if (line == null || line.isEmpty()) {
        throw new IOException("no password on standard input");
      }
      return line;
    }
    java.io.Console console = System.console();
    if (console == null) {
      throw new IOException("no terminal to ask for the password; use --password-stdin");
    }
    char[] password = console.readPassword("Password for %s: ", user);
    if (password == null) {
      throw new IOException("no password given");
    }
    return new String(password);
  }

  /**
   * Status lines tell the user what happens; log lines would interleave with the shell's screen
   * (and lack {@code \r} in raw mode). {@code KUBETTY_LOG_LEVEL} still turns them on for debugging.
   */
  private static void quietLogs() {
    if (System.getenv("KUBETTY_LOG_LEVEL") == null
        && LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.OFF);
    }
  }

  static EscapeScanner escapeScanner(String text) {
    if ("none".equalsIgnoreCase(text)) {
      return EscapeScanner.disabled();
    }
    if (text.length() != 1 || text.charAt(0) > 0x7f) {
      throw new IllegalArgumentException(
          "--escape-char must be one ASCII character or 'none', got '" + text + "'");
    }
    return EscapeScanner.of(text.charAt(0));
  }
}
