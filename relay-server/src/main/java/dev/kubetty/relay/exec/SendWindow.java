package dev.kubetty.relay.exec;

import dev.kubetty.relay.session.ClientBacklog;

/**
 * Flow control of one exec socket, as in {@code kubetty.v1}: at most {@link #size} output bytes in
 * flight beyond the client's last {@code ack}. The pump waits for room; while it waits it does not
 * read the exec's output, so the container's shell blocks instead of the relay buffering.
 *
 * <p>Thread-safe: the pump calls {@link #awaitRoom}/{@link #sent}, the socket {@link #ack}/{@link
 * #close}.
 */
final class SendWindow {
  private final long size;
  private long sent;
  private long acked;
  private boolean closed;
  private boolean backlogged;

  SendWindow(long size) {
    this.size = size;
  }

  long size() {
    return size;
  }

  /** Blocks while the window is full; returns the bytes that may be sent now, 0 once closed. */
  synchronized long awaitRoom() throws InterruptedException {
    while (!closed && sent - acked >= size) {
      wait();
    }
    return closed ? 0 : size - (sent - acked);
  }

  /** Whether the client is backlogged now ({@link ClientBacklog}): output is worth compressing. */
  synchronized boolean backlogged() {
    backlogged = ClientBacklog.next(backlogged, sent - acked, size);
    return backlogged;
  }

  synchronized void sent(int bytes) {
    sent += bytes;
  }

  /** All output below {@code offset} is consumed; backwards is ignored, beyond sent is clamped. */
  synchronized void ack(long offset) {
    long clamped = Math.min(offset, sent);
    if (clamped > acked) {
      acked = clamped;
      notifyAll();
    }
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }
}
