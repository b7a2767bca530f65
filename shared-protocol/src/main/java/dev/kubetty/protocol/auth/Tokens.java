package dev.kubetty.protocol.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A login's tokens as the relay handed them out. {@link #toString} shows no token.
 *
 * @param accessToken for {@code Authorization: Bearer}
 * @param refreshToken single use: {@link AuthClient#refresh} spends it
 * @param expiresIn how long the access token was valid when issued
 * @param username the user's stored name
 * @param issuedAt when this client received them
 */
public record Tokens(
    String accessToken,
    String refreshToken,
    Duration expiresIn,
    String username,
    Instant issuedAt) {

  /** When the access token expires. */
  public Instant accessExpiresAt() {
    return issuedAt.plus(expiresIn);
  }

  @Override
  public String toString() {
    return "Tokens[username=" + username + ", expiresIn=" + expiresIn + "]";
  }
}
