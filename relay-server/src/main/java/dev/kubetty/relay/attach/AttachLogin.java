package dev.kubetty.relay.attach;

import dev.kubetty.protocol.auth.AuthClient;
import dev.kubetty.protocol.auth.AuthException;
import dev.kubetty.protocol.auth.TokenKeeper;
import dev.kubetty.protocol.auth.Tokens;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import okhttp3.OkHttpClient;

/**
 * Logs {@code attach} in to a relay with {@code AUTH_MODE=local}: the username and password come
 * from a credentials file ({@code username=…} and {@code password=…} lines, as {@code serve
 * --first-user} writes it) or from {@code --user} and a password. The returned keeper refreshes the
 * access token for as long as attach runs.
 */
public final class AttachLogin {
  private AttachLogin() {}

  /** A username and password; {@link #toString} hides the password. */
  public record Login(String username, String password) {
    @Override
    public String toString() {
      return "Login[" + username + "]";
    }
  }

  /** Reads a credentials file. */
  public static Login fromFile(Path file) throws IOException {
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    String username = properties.getProperty("username");
    String password = properties.getProperty("password");
    if (username == null || password == null) {
      throw new IOException(file + " needs username= and password= lines");
    }
    return new Login(username.trim(), password.trim());
  }

  /**
   * Logs in and starts a keeper; a login that ends later (logout elsewhere, user deactivated) is
   * reported on {@code err}, and the relay then closes the session with 4401.
   */
  public static TokenKeeper login(URI relay, Login login, PrintStream err) throws AuthException {
    AuthClient client = new AuthClient(relay, new OkHttpClient());
    Tokens tokens = client.login(login.username(), login.password());
    return new TokenKeeper(
        client,
        tokens,
        fresh -> {},
        ended -> err.println("\r\nkubetty-relay attach: " + ended.getMessage() + "\r"));
  }
}
