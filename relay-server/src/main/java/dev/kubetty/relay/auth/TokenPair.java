package dev.kubetty.relay.auth;

import java.time.Duration;

/**
 * What a login or refresh hands out. {@link #toString} shows no token.
 *
 * @param accessToken a signed JWT for {@code Authorization: Bearer} or the {@code kubetty_access}
 *     cookie
 * @param refreshToken an opaque single-use token for {@code POST /api/auth/refresh}
 * @param accessTtl how long the access token is valid
 * @param refreshTtl how long the refresh token is valid
 * @param username the user's stored name
 */
public record TokenPair(
    String accessToken,
    String refreshToken,
    Duration accessTtl,
    Duration refreshTtl,
    String username) {
  @Override
  public String toString() {
    return "TokenPair[username=" + username + ", accessTtl=" + accessTtl + "]";
  }
}
