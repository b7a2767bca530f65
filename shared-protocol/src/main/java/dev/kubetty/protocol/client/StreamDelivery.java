package dev.kubetty.protocol.client;

import dev.kubetty.protocol.ControlMessage.Ack;
import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.protocol.MessageCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands output, gaps and exits to the {@link RelayListener} in stream order and acks what it
 * consumed. Runs only inside serialized callback events, so it needs no lock of its own.
 */
final class StreamDelivery {
  private static final Logger log = LoggerFactory.getLogger(StreamDelivery.class);

  private final RelayListener listener;
  private final OutputCursor cursor;
  private final String clientId;

  StreamDelivery(RelayListener listener, Long resumeFrom, String clientId) {
    this.listener = listener;
    this.cursor = new OutputCursor(resumeFrom);
    this.clientId = clientId;
  }

  long expected() {
    return cursor.expected();
  }

  Long resumeFrom() {
    return cursor.resumeFrom();
  }

  /**
   * Starts {@code connection}'s stream at {@code ready.offset}, reporting a gap if there is one.
   */
  void ready(Connection connection, Ready ready) {
    connection.started = true;
    connection.window = ready.window();
    connection.lastAcked = ready.offset();
    long wanted = cursor.expected();
    switch (cursor.onReady(ready.offset(), ready.head())) {
      case GAP -> {
        log.warn(
            "client {}: output [{}, {}) lost before reconnect", clientId, wanted, ready.offset());
        listener.onGap(wanted, ready.offset());
      }
      case REWIND -> {
        if (wanted != RelayClient.LATEST) {
          log.warn(
              "client {}: relay stream restarted at {} (had {})", clientId, ready.offset(), wanted);
          listener.onRewind(wanted, ready.offset());
        }
      }
      case CONTIGUOUS -> {
        if (ready.offset() < wanted) {
          log.info("client {}: skipping {} repeated bytes", clientId, wanted - ready.offset());
        }
      }
    }
    long from = cursor.expected();
    if (ready.head() > from) {
      listener.onReplay(from, ready.head());
    }
  }

  /** Delivers the unseen part of a binary frame, then acks if a quarter window was consumed. */
  void output(Connection connection, byte[] frame) {
    if (!connection.started) {
      log.warn("client {}: ignoring {} output bytes before ready", clientId, frame.length);
      return;
    }
    OutputCursor.Slice slice = cursor.accept(frame);
    try {
      if (slice != null) {
        listener.onOutput(slice.offset(), slice.data());
      }
    } finally {
      ackIfDue(connection); // even if the listener threw: a lost ack would stall the relay
    }
  }

  void exit(int code) {
    if (cursor.replaying()) {
      // The exit belongs to output the consumer already had, so it was reported then.
      log.debug("client {}: repeated exit {} skipped", clientId, code);
      return;
    }
    log.info("client {}: shell exited with {}", clientId, code);
    listener.onExit(code);
  }

  private void ackIfDue(Connection connection) {
    long consumed = cursor.received();
    if (consumed - connection.lastAcked >= Math.max(1, connection.window / 4)) {
      connection.send(MessageCodec.encode(new Ack(consumed)));
      connection.lastAcked = consumed;
    }
  }
}
