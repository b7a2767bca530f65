package dev.kubetty.relay.session;

import dev.kubetty.protocol.ControlMessage;

/** The next thing an attached connection must send, in order. */
public sealed interface Outbound {

  /** Terminal output bytes starting at stream offset {@code offset}: one binary frame. */
  record Output(long offset, byte[] bytes) implements Outbound {}

  /** A control message: one text frame. */
  record Control(ControlMessage message) implements Outbound {}
}
