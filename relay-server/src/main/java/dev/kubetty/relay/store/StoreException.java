package dev.kubetty.relay.store;

/**
 * The database could not be started, reached or migrated. The message is one line a user can act
 * on; it never contains a password.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a user-facing message and its cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
