package dev.kubetty.desktop.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A login's token pair. Never logged: {@link #toString()} hides the tokens.
 *
 * @param accessToken sent as {@code Authorization: Bearer …}
 * @param refreshToken traded for a new pair at {@code POST /api/auth/refresh}; single use
 * @param expiresAt when the access token stops being accepted for new connections
 * @param username who logged in
 */
public record Tokens(String accessToken, String refreshToken, Instant expiresAt, String username) {
  public Tokens {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "Tokens[username=" + username + ", expiresAt=" + expiresAt + ", tokens=<hidden>]";
  }
}
