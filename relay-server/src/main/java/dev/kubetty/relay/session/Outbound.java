package dev.kubetty.relay.session;

import dev.kubetty.protocol.ControlMessage;

/** The next thing an attached connection must send, in order. */
public sealed interface Outbound {

  /**
   * Terminal output bytes starting at stream offset {@code offset}: one binary frame.
   *
   * @param backlogged whether the client was backlogged ({@link ClientBacklog}) when this frame was
   *     taken, so the frame is worth compressing
   */
  record Output(long offset, byte[] bytes, boolean backlogged) implements Outbound {}

  /** A control message: one text frame. */
  record Control(ControlMessage message) implements Outbound {}
}
