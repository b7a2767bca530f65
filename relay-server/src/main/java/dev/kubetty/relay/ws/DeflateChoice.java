package dev.kubetty.relay.ws;

/**
 * Carries the choice "send this frame uncompressed" from the thread that sends it to {@link
 * AdaptiveDeflateExtension}, which Jetty calls on that same thread while the send is being made.
 * Without the choice a frame is compressed whenever {@code permessage-deflate} was negotiated.
 */
public final class DeflateChoice {
  private static final ThreadLocal<Boolean> RAW = new ThreadLocal<>();

  private DeflateChoice() {}

  /**
   * Runs {@code send}; unless {@code compress}, the data frames it sends on this thread go out
   * uncompressed.
   */
  public static void send(boolean compress, Runnable send) {
    if (compress) {
      send.run();
      return;
    }
    RAW.set(Boolean.TRUE);
    try {
      send.run();
    } finally {
      RAW.remove();
    }
  }

  /** Whether the frame being sent on this thread should go out uncompressed. */
  static boolean raw() {
    return RAW.get() != null;
  }
}
