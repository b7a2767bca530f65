package dev.kubetty.relay.session;

import dev.kubetty.protocol.CloseCode;
import dev.kubetty.protocol.ControlMessage;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One connection's hold on the session as its writer, from {@code ready} until it is detached or
 * displaced.
 *
 * <p>Threads: exactly one pump thread calls {@link #next}; the connection's receive thread calls
 * {@link #ack}, {@link #input}, {@link #resize}, {@link #send} and {@link #detach}.
 */
public final class Attachment {
  /** How the session closes a connection it displaced (take-over or the same client's ghost). */
  @FunctionalInterface
  public interface Closer {
    void close(CloseCode code, String reason);
  }

  private final TerminalSession session;
  private final String clientId;
  private final Peer peer;
  private final long readyOffset;
  private final Closer closer;
  final ConcurrentLinkedQueue<ControlMessage> controls = new ConcurrentLinkedQueue<>();
  // Guarded by StreamState's lock.
  long cursor;
  long acked;
  long nextExitSequence;
  boolean backlogged;

  Attachment(
      TerminalSession session,
      String clientId,
      Peer peer,
      long readyOffset,
      long nextExitSequence,
      Closer closer) {
    this.session = session;
    this.clientId = clientId;
    this.peer = peer;
    this.readyOffset = readyOffset;
    this.cursor = readyOffset;
    this.acked = readyOffset;
    this.nextExitSequence = nextExitSequence;
    this.closer = closer;
  }

  /** The client's self-chosen id from its hello, or null. */
  public String clientId() {
    return clientId;
  }

  /** The remote address, for logs. */
  public String remote() {
    return peer.address();
  }

  /** Who is attached: address, user agent and user. */
  public Peer peer() {
    return peer;
  }

  /** Offset of the first output byte this connection receives: {@code ready.offset}. */
  public long readyOffset() {
    return readyOffset;
  }

  /**
   * Blocks until there is something to send; binary output and {@code exit} come in stream order.
   *
   * @return the next frame, or null once this connection is no longer attached
   */
  public Outbound next() throws InterruptedException {
    return session.stream().next(this);
  }

  /** The client consumed all output below {@code offset}; clamped to what was sent. */
  public void ack(long offset) {
    session.stream().ack(this, offset);
  }

  /** Queues a control message (pong, error) to go out before further output. */
  public void send(ControlMessage message) {
    controls.add(message);
    session.stream().wake();
  }

  /**
   * Keyboard input for the shell; blocks while the PTY's input buffer is full. Dropped once this
   * connection has been displaced: only the writer types.
   */
  public void input(byte[] bytes) {
    session.input(this, bytes);
  }

  /** Resizes the terminal. The caller has checked the bounds. */
  public void resize(int cols, int rows) {
    session.resize(cols, rows);
  }

  /**
   * The connection ended with WebSocket close {@code code}. A clean close (1000, 1001) holds
   * nothing for the client; otherwise its un-acked output is held for the resume grace.
   */
  public void detach(int code, String reason) {
    boolean clean = code == CloseCode.NORMAL.code() || code == CloseCode.GOING_AWAY.code();
    session.stream().detach(this, clean);
    session.recorder().detached(this, code, reason);
  }

  void displace() {
    closer.close(CloseCode.TAKEN_OVER, "taken over by another client");
  }
}
