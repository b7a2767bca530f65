package dev.kubetty.relay.session;

import dev.kubetty.protocol.ControlMessage;

/** The next thing an attached connection must send, in order. */
public sealed interface Outbound {

  /**
   * Terminal output bytes starting at stream offset {@code offset}: one binary frame.
   *
   * @param backlogged whether the client had three quarters of the flow-control window or more
   *     unacknowledged when this frame was taken: the link or the client, not the shell, is what
   *     limits the stream, so fewer bytes on the wire are worth CPU. (A client that keeps up stays
   *     below that even when it acks only every half window, as the protocol allows.)
   */
  record Output(long offset, byte[] bytes, boolean backlogged) implements Outbound {}

  /** A control message: one text frame. */
  record Control(ControlMessage message) implements Outbound {}
}
