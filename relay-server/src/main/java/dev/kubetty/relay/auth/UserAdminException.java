package dev.kubetty.relay.auth;

/** A user administration request that cannot be done; {@link #kind} says why. */
public final class UserAdminException extends RuntimeException {
  /** Why a request failed. */
  public enum Kind {
    /** The username is taken. */
    EXISTS,
    /** No such user. */
    UNKNOWN,
    /** A bad username or password. */
    INVALID
  }

  private final Kind kind;

  UserAdminException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** Why the request failed. */
  public Kind kind() {
    return kind;
  }
}
