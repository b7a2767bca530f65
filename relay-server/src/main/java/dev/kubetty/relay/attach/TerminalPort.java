package dev.kubetty.relay.attach;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The user's side of an attachment: keyboard bytes in, output bytes out, a size and its changes.
 * {@link #close()} puts the terminal back as it was; it is idempotent and safe from a shutdown
 * hook.
 */
interface TerminalPort extends AutoCloseable {

  /** A window size in character cells. */
  record Size(int cols, int rows) {
    /** Used when the terminal does not know its size: 80×24. */
    static final Size FALLBACK = new Size(80, 24);

    /** This size, or {@link #FALLBACK} when a dimension is 0 or out of the protocol's range. */
    Size orFallback() {
      return cols < 1 || cols > 1000 || rows < 1 || rows > 500 ? FALLBACK : this;
    }
  }

  /** Whether this is a real terminal in raw mode (status lines then need {@code \r\n}). */
  boolean raw();

  /** Keyboard input; blocking reads. */
  InputStream input();

  /** Where output goes; flushed by the caller. */
  OutputStream output();

  /** Current size, or {@link Size#FALLBACK} when unknown. */
  Size size();

  /** Calls {@code listener} (on a signal thread) whenever the window size changes. */
  void onResize(Runnable listener);

  @Override
  void close();
}
