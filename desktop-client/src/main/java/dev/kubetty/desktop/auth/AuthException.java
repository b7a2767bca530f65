package dev.kubetty.desktop.auth;

/** A login call failed; {@link #getMessage()} is a sentence for people. */
public final class AuthException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why it failed, in broad terms. */
  public enum Reason {
    /** Wrong user name or password, or a spent refresh token. */
    REJECTED,
    /** Too many attempts; wait and try again. */
    RATE_LIMITED,
    /** The relay could not be reached or answered something unexpected. */
    UNREACHABLE
  }

  private final Reason reason;

  public AuthException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public AuthException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
