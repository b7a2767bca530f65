package dev.kubetty.protocol;

/**
 * A frame that does not follow protocol {@code kubetty.v1}. Its message is safe to send back to the
 * peer as a close reason (at most 123 bytes of UTF-8 are kept by WebSocket close frames).
 */
public final class ProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message says what was wrong with the frame. */
  public ProtocolException(String message) {
    super(message);
  }
}
