package dev.kubetty.relay.session;

/**
 * Sees every byte in and out of the session, for the audit transcript.
 *
 * <p>Called on the session's own threads — the PTY reader for output and exits, the connection
 * threads for input and resizes — so an implementation must return at once: no I/O, no locks that
 * I/O holds. It may copy what it needs and hand it to a thread of its own.
 */
public interface SessionRecorder {
  /** Does nothing: a session without a transcript. */
  SessionRecorder NONE =
      new SessionRecorder() {
        @Override
        public void output(long offset, byte[] buffer, int length) {}

        @Override
        public void input(long inputOffset, byte[] bytes) {}

        @Override
        public void resize(long outputOffset, int cols, int rows) {}

        @Override
        public void exit(long outputOffset, int code) {}
      };

  /** Output {@code buffer[0..length)} at stream offset {@code offset}; the buffer is reused. */
  void output(long offset, byte[] buffer, int length);

  /** Keyboard input; {@code inputOffset} counts input bytes since the session began. */
  void input(long inputOffset, byte[] bytes);

  /** The terminal was resized when the output stream was at {@code outputOffset}. */
  void resize(long outputOffset, int cols, int rows);

  /** The shell exited with {@code code} after the output below {@code outputOffset}. */
  void exit(long outputOffset, int code);

  /** A new shell started; its output begins at {@code outputOffset}. */
  default void shellStarted(long outputOffset) {}

  /** A connection became the session's writer. */
  default void attached(Attachment attachment) {}

  /** A connection's attachment ended with WebSocket close {@code code} (1006: dropped). */
  default void detached(Attachment attachment, int code, String reason) {}
}
