package dev.kubetty.relay.auth;

import java.time.Duration;

/** The outcome of a login attempt. */
public sealed interface LoginResult {
  /** Logged in. */
  record Success(TokenPair tokens) implements LoginResult {}

  /** Wrong username or password, or an inactive user (the caller cannot tell which). */
  record Rejected() implements LoginResult {}

  /** Too many failures; try again after {@code retryAfter}. */
  record Throttled(Duration retryAfter) implements LoginResult {}
}
