package dev.kubetty.relay.session;

/**
 * Whether a client is backlogged: so far behind that the link or the client, not the output's
 * source, limits the stream, and fewer bytes on the wire are worth the CPU of compressing them.
 * With hysteresis: a client becomes backlogged at three quarters of its flow-control window
 * unacknowledged and stops being so below one quarter. A client that keeps up stays below the upper
 * mark even when it acks only every half window, as the protocol allows; one behind a slow link
 * hovers near a full window, dipping a quarter at each ack, and stays backlogged throughout.
 */
public final class ClientBacklog {
  private ClientBacklog() {}

  /**
   * The state after {@code unacknowledged} bytes of a {@code window} were seen in flight, given the
   * state before ({@code backlogged}).
   */
  public static boolean next(boolean backlogged, long unacknowledged, long window) {
    if (unacknowledged >= window - window / 4) {
      return true;
    }
    return backlogged && unacknowledged >= window / 4;
  }
}
