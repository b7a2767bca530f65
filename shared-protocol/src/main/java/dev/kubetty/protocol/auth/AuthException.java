package dev.kubetty.protocol.auth;

import java.time.Duration;

/** A login API call that did not succeed; {@link #kind} says why, the message says it in words. */
public final class AuthException extends Exception {
  /** Why a call failed. */
  public enum Kind {
    /** Wrong username or password (login), or the login has ended (refresh). */
    REJECTED,
    /** Too many failed logins; see {@link #retryAfter}. */
    THROTTLED,
    /** The relay runs with {@code AUTH_MODE=disabled}: no login needed. */
    AUTH_DISABLED,
    /** The relay could not be reached or answered something unexpected. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final Duration retryAfter;

  AuthException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  /** Why the call failed. */
  public Kind kind() {
    return kind;
  }

  /** How long to wait before trying again ({@link Kind#THROTTLED}), else zero. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
