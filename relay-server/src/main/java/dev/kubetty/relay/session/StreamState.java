package dev.kubetty.relay.session;

import dev.kubetty.protocol.ControlMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The output stream of a session and who is reading it, behind one lock.
 *
 * <p>The PTY reader appends; each attached connection pulls its next frame from here with {@link
 * #next}. Because replayed history and live output come from the same ring through the same cursor,
 * they can never interleave or repeat. Flow control is enforced on the producer side: {@link
 * #awaitRoom} blocks the PTY reader while the attached client has a full window in flight, or,
 * after it dropped without closing, while more output would overwrite bytes it has not acked (for
 * at most the resume grace).
 */
final class StreamState {
  private static final int MAX_FRAME = 64 << 10;

  /**
   * While the shell floods (its last read filled at least {@link #FLOOD_READ} bytes), output is
   * held back until a frame of this size has gathered, for at most {@link #LINGER_NANOS}: a few
   * large frames cost the relay far less than many 4 KiB ones (one wake-up, one socket write each;
   * 60 KiB frames took the relay 4.4 ms of CPU per MB against 4.5–5.3 for 32 KiB ones, and the
   * client 1.5 against 1.7). Keystroke echoes and the end of a burst (a short read) go out at once.
   */
  private static final int COALESCE_BYTES = 60 << 10;

  private static final int FLOOD_READ = 2 << 10;
  private static final long LINGER_NANOS = 1_000_000;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final OutputRing ring;
  private final ArrayDeque<ExitEvent> exits = new ArrayDeque<>();
  private final int window;
  private final long graceNanos;
  private long nextExitSequence;
  private Attachment attached;
  private long holdFrom = -1;
  private long holdUntilNanos;
  private int lastAppendLength;
  private boolean lingering;
  private boolean closed;

  /** A stream that goes on from {@code history}: its tail is replayed to fresh clients. */
  StreamState(int capacity, int window, Duration grace, SessionHistory history) {
    this.ring = new OutputRing(capacity, history.tailOffset());
    ring.append(history.tail(), history.tail().length);
    this.window = window;
    this.graceNanos = grace.toNanos();
  }

  int window() {
    return window;
  }

  long head() {
    lock.lock();
    try {
      return ring.end();
    } finally {
      lock.unlock();
    }
  }

  /** Appends PTY output and wakes the pump; returns the offset of its first byte. */
  long append(byte[] bytes, int length) {
    lock.lock();
    try {
      long offset = ring.end();
      ring.append(bytes, length);
      lastAppendLength = length;
      if (!lingering
          || length < FLOOD_READ
          || attached == null
          || ring.end() - attached.cursor >= COALESCE_BYTES) {
        changed.signalAll();
      }
      return offset;
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@code a} is the attached connection (not displaced, not detached). */
  boolean isAttached(Attachment a) {
    lock.lock();
    try {
      return attached == a;
    } finally {
      lock.unlock();
    }
  }

  /** Records that the shell exited after every byte appended so far. */
  void recordExit(int code) {
    lock.lock();
    try {
      long offset = ring.end();
      exits.addLast(new ExitEvent(nextExitSequence++, offset, code));
      while (exits.size() > 1 && exits.peekFirst().offset() < ring.start()) {
        exits.removeFirst();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Blocks until output may be read from the PTY without breaking flow control.
   *
   * @return how many bytes may be read now (1..max), or 0 once closed
   */
  int awaitRoom(int max) throws InterruptedException {
    lock.lock();
    try {
      while (!closed) {
        long limit = Long.MAX_VALUE;
        if (attached != null) {
          limit = attached.acked + window;
        } else if (holdFrom >= 0) {
          long left = holdUntilNanos - System.nanoTime();
          if (left <= 0) {
            holdFrom = -1;
            continue;
          }
          limit = holdFrom + ring.capacity();
          if (limit <= ring.end()) {
            changed.awaitNanos(left);
            continue;
          }
        }
        long room = limit - ring.end();
        if (room > 0) {
          return (int) Math.min(max, room);
        }
        changed.await();
      }
      return 0;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes a connection the session's one writer, displacing its own ghost or, with take-over, any
   * other client.
   *
   * @return the new attachment, the displaced one (or null) and whether the session was busy
   */
  Attach attach(
      ControlMessage.Hello hello, Peer peer, TerminalSession session, Attachment.Closer closer) {
    lock.lock();
    try {
      Attachment displaced = null;
      if (attached != null) {
        boolean ghost = hello.client() != null && hello.client().equals(attached.clientId());
        if (!ghost && !hello.takeover()) {
          return new Attach(null, null, attached.clientId());
        }
        displaced = attached;
      }
      long offset = readyOffset(hello.resumeFrom());
      long firstExit = hello.resumeFrom() == null ? offset : offset + 1;
      long exitSeq = nextExitSequence;
      for (ExitEvent e : exits) {
        if (e.offset() >= firstExit) {
          exitSeq = e.sequence();
          break;
        }
      }
      attached = new Attachment(session, hello.client(), peer, offset, exitSeq, closer);
      holdFrom = -1;
      changed.signalAll();
      return new Attach(attached, displaced, null);
    } finally {
      lock.unlock();
    }
  }

  /** Result of {@link #attach}: exactly one of {@code attached} and {@code busyWith} is set. */
  record Attach(Attachment attached, Attachment displaced, String busyWith) {}

  private long readyOffset(Long resumeFrom) {
    if (resumeFrom == null || resumeFrom < ring.start()) {
      return ring.start();
    }
    return Math.min(resumeFrom, ring.end());
  }

  /** Ends an attachment; without a clean close its un-acked output is held for the grace. */
  void detach(Attachment attachment, boolean clean) {
    lock.lock();
    try {
      if (attached != attachment) {
        return;
      }
      attached = null;
      holdFrom = clean || graceNanos <= 0 ? -1 : attachment.acked;
      holdUntilNanos = System.nanoTime() + graceNanos;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void ack(Attachment attachment, long offset) {
    lock.lock();
    try {
      long clamped = Math.min(offset, attachment.cursor);
      if (clamped > attachment.acked) {
        attachment.acked = clamped;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the attachment's pump after something was queued for it. */
  void wake() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Blocks until {@code a} has something to send, in stream order.
   *
   * @return the next frame, or null once {@code a} is no longer attached
   */
  Outbound next(Attachment a) throws InterruptedException {
    lock.lock();
    try {
      long lingerUntil = 0;
      boolean lingered = false;
      while (attached == a && !closed) {
        ControlMessage control = a.controls.poll();
        if (control != null) {
          return new Outbound.Control(control);
        }
        ExitEvent exit = pendingExit(a);
        if (exit != null && exit.offset() == a.cursor) {
          a.nextExitSequence = exit.sequence() + 1;
          return new Outbound.Control(new ControlMessage.Exit(exit.code()));
        }
        long limit = Math.min(ring.end(), a.acked + window);
        if (exit != null) {
          limit = Math.min(limit, exit.offset());
        }
        if (a.cursor < ring.start()) {
          throw new IllegalStateException("output at " + a.cursor + " was overwritten");
        }
        if (exit == null && a.cursor < limit && limit == ring.end() && worthWaiting(a, limit)) {
          long now = System.nanoTime();
          if (!lingered) {
            lingered = true;
            lingerUntil = now + LINGER_NANOS;
          }
          if (now - lingerUntil < 0) {
            lingering = true;
            try {
              changed.awaitNanos(lingerUntil - now);
            } finally {
              lingering = false;
            }
            continue;
          }
        }
        if (a.cursor < limit) {
          int length = (int) Math.min(limit - a.cursor, MAX_FRAME);
          a.backlogged = ClientBacklog.next(a.backlogged, a.cursor - a.acked, window);
          Outbound out = new Outbound.Output(a.cursor, ring.copy(a.cursor, length), a.backlogged);
          a.cursor += length;
          return out;
        }
        changed.await();
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** Whether holding {@code a}'s pending output back a little would make a fuller frame. */
  private boolean worthWaiting(Attachment a, long limit) {
    return lastAppendLength >= FLOOD_READ
        && limit - a.cursor < COALESCE_BYTES
        && a.controls.isEmpty();
  }

  private ExitEvent pendingExit(Attachment a) {
    for (ExitEvent e : exits) {
      if (e.sequence() >= a.nextExitSequence) {
        if (e.offset() >= a.cursor) {
          return e;
        }
        a.nextExitSequence = e.sequence() + 1;
      }
    }
    return null;
  }

  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
