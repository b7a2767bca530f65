package dev.kubetty.protocol;

/**
 * A JSON control message of protocol {@code kubetty.v1}, carried in a WebSocket text frame.
 *
 * <p>Terminal bytes never travel as control messages: they are binary frames. The set of messages
 * is closed; {@link MessageCodec} turns each into exactly one JSON object whose {@code type} field
 * names it. See {@code shared-protocol/PROTOCOL.md} for the full specification.
 */
public sealed interface ControlMessage {

  /** The value of the {@code type} field that identifies this message on the wire. */
  String type();

  /**
   * First frame from a client, within 10 s of the upgrade.
   *
   * @param cols terminal width in columns, 1–1000
   * @param rows terminal height in rows, 1–500
   * @param resumeFrom the first output offset the client still needs, or {@code null} for "send me
   *     the buffered history"
   * @param takeover whether to replace a client that is already attached
   * @param client an opaque id the client instance keeps across its reconnects, or {@code null}
   * @param ticket on {@code GET /exec} without {@code ?ticket=}: the one-time exec ticket
   *     (PROTOCOL.md section 15); {@code null} otherwise, and ignored on {@code /ws}
   */
  record Hello(int cols, int rows, Long resumeFrom, boolean takeover, String client, String ticket)
      implements ControlMessage {
    /** A hello without an exec ticket (every {@code /ws} client). */
    public Hello(int cols, int rows, Long resumeFrom, boolean takeover, String client) {
      this(cols, rows, resumeFrom, takeover, client, null);
    }

    /** Never prints the ticket. */
    @Override
    public String toString() {
      return "Hello[cols="
          + cols
          + ", rows="
          + rows
          + ", resumeFrom="
          + resumeFrom
          + ", takeover="
          + takeover
          + ", client="
          + client
          + (ticket == null ? "" : ", ticket=…")
          + "]";
    }

    @Override
    public String type() {
      return "hello";
    }
  }

  /**
   * The relay's answer to {@link Hello}: output follows contiguously from {@code offset}.
   *
   * @param session the session id
   * @param offset the offset of the first output byte that follows
   * @param window flow-control window W in bytes: the relay never has more than W bytes in flight
   *     beyond the client's last {@link Ack}
   * @param head the relay's current end-of-stream offset when it answered (informative)
   * @param input how many input bytes the relay has taken from this hello's {@code client} id, over
   *     all its connections; null when the relay has not seen that id before (it counts from 0 now)
   *     or the hello had none. A client re-sends what it sent beyond this count (lost in a dropped
   *     connection).
   */
  record Ready(String session, long offset, long window, long head, Long input)
      implements ControlMessage {
    /** A ready without an input count. */
    public Ready(String session, long offset, long window, long head) {
      this(session, offset, window, head, null);
    }

    @Override
    public String type() {
      return "ready";
    }
  }

  /** New terminal size; out of range is answered with an {@link ErrorReply}. */
  record Resize(int cols, int rows) implements ControlMessage {
    @Override
    public String type() {
      return "resize";
    }
  }

  /** All output below {@code offset} has been consumed by the client. */
  record Ack(long offset) implements ControlMessage {
    @Override
    public String type() {
      return "ack";
    }
  }

  /** Application-level liveness probe; the relay answers {@link Pong}. */
  record Ping() implements ControlMessage {
    @Override
    public String type() {
      return "ping";
    }
  }

  /** Answer to {@link Ping}. */
  record Pong() implements ControlMessage {
    @Override
    public String type() {
      return "pong";
    }
  }

  /**
   * The shell exited with {@code code}; the relay starts a new one and the stream goes on.
   *
   * <p>It is sent in stream order: every output byte the old shell wrote comes before it.
   */
  record Exit(int code) implements ControlMessage {
    @Override
    public String type() {
      return "exit";
    }
  }

  /**
   * A refused request; the socket stays open.
   *
   * @param code a stable machine-readable code such as {@code resize_out_of_range}
   * @param message a sentence for people
   */
  record ErrorReply(String code, String message) implements ControlMessage {
    @Override
    public String type() {
      return "error";
    }
  }
}
