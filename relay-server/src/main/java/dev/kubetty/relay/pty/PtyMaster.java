package dev.kubetty.relay.pty;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;

/**
 * A PTY master read and written directly through {@link LibC}'s bindings, on a non-blocking
 * duplicate of the master's file descriptor that this object owns: in a flood each chunk of output
 * costs one {@code read}; {@code poll} is called only when there is nothing to read (or no room to
 * write).
 *
 * <p>{@link #close} from any thread wakes a blocked {@link #read} or {@link #write} (through a
 * pipe, as pty4j does), even when a background process still holds the terminal open. Descriptors
 * are closed exactly once, when the last call in progress returns, so a descriptor number is never
 * used after it might have been reused.
 *
 * <p>Threads: one reader and one writer at a time; {@link #close} from any thread.
 */
final class PtyMaster implements AutoCloseable {
  private static final int MAX_CHUNK = 64 << 10;

  private final Object lock = new Object();
  private final int master;
  private final int wakeRead;
  private final int wakeWrite;
  private final Memory readPoll = new Memory(2L * LibC.POLLFD_SIZE);
  private final Memory writePoll = new Memory(2L * LibC.POLLFD_SIZE);
  private final Memory readBuffer = new Memory(MAX_CHUNK);
  private final Memory writeBuffer = new Memory(MAX_CHUNK);
  private final Memory wakeByte = new Memory(1);
  private int callsInProgress; // guarded by lock
  private boolean closing; // guarded by lock
  private boolean released; // guarded by lock

  /** Duplicates {@code masterFd}; the caller keeps (and eventually closes) its own descriptor. */
  PtyMaster(int masterFd) throws IOException {
    int[] pipe = new int[2];
    try {
      LibC.pipe(pipe);
    } catch (LastErrorException e) {
      throw new IOException("pipe() failed: errno " + e.getErrorCode(), e);
    }
    int dup = -1;
    try {
      dup = LibC.dup(masterFd);
      LibC.fcntl(dup, LibC.F_SETFL, LibC.fcntl(dup, LibC.F_GETFL, 0) | LibC.O_NONBLOCK);
    } catch (LastErrorException e) {
      closeQuietly(dup);
      closeQuietly(pipe[0]);
      closeQuietly(pipe[1]);
      throw new IOException("cannot set up the PTY master: errno " + e.getErrorCode(), e);
    }
    this.master = dup;
    this.wakeRead = pipe[0];
    this.wakeWrite = pipe[1];
  }

  /**
   * Reads up to {@code max} bytes of output into {@code buffer[0..n)}; blocks until there is some.
   *
   * @return n, or -1 once the terminal has hung up (every process holding it has gone) or this
   *     object was closed
   * @throws IOException on an unexpected error from the system
   */
  int read(byte[] buffer, int max) throws IOException {
    if (!enter()) {
      return -1;
    }
    long n = -1;
    try {
      n = readSome(Math.min(max, MAX_CHUNK));
      if (n > 0) {
        readBuffer.read(0, buffer, 0, (int) n);
      }
    } finally {
      if (n < 0) {
        synchronized (lock) {
          closing = true; // the terminal hung up: release the descriptors with the last call
        }
      }
      leave();
    }
    return (int) n;
  }

  private long readSome(int max) throws IOException {
    while (true) {
      long n = LibC.read(master, readBuffer, max);
      if (n >= 0) {
        return n == 0 ? -1 : n;
      }
      int errno = Native.getLastError();
      switch (errno) {
        case LibC.EAGAIN -> {
          if (!await(readPoll, LibC.POLLIN)) {
            return -1; // woken by close()
          }
        }
        case LibC.EINTR -> {}
        case LibC.EIO -> {
          return -1; // Linux: the slave side is closed everywhere
        }
        default -> throw new IOException("read() from the PTY failed: errno " + errno);
      }
    }
  }

  /**
   * Writes all of {@code bytes}; blocks while the terminal's input buffer is full.
   *
   * @throws IOException if the terminal hung up or this object was closed before all was written
   */
  void write(byte[] bytes) throws IOException {
    if (!enter()) {
      throw new IOException("the PTY is closed");
    }
    try {
      int done = 0;
      while (done < bytes.length) {
        int length = Math.min(bytes.length - done, MAX_CHUNK);
        writeBuffer.write(0, bytes, done, length);
        done += writeSome(length);
      }
    } finally {
      leave();
    }
  }

  private int writeSome(int length) throws IOException {
    while (true) {
      long n = LibC.write(master, writeBuffer, length);
      if (n >= 0) {
        return (int) n;
      }
      int errno = Native.getLastError();
      switch (errno) {
        case LibC.EAGAIN -> {
          if (!await(writePoll, LibC.POLLOUT)) {
            throw new IOException("the PTY was closed during a write");
          }
        }
        case LibC.EINTR -> {}
        default -> throw new IOException("write() to the PTY failed: errno " + errno);
      }
    }
  }

  /** Polls the master for {@code events} and the wake pipe; false if woken by {@link #close}. */
  private boolean await(Memory fds, short events) throws IOException {
    fds.setInt(0, wakeRead);
    fds.setShort(4, LibC.POLLIN);
    fds.setShort(6, (short) 0);
    fds.setInt(LibC.POLLFD_SIZE, master);
    fds.setShort(LibC.POLLFD_SIZE + 4, events);
    fds.setShort(LibC.POLLFD_SIZE + 6, (short) 0);
    while (true) {
      if (LibC.poll(fds, 2, -1) >= 0) {
        return fds.getShort(6) == 0;
      }
      int errno = Native.getLastError();
      if (errno != LibC.EINTR && errno != LibC.EAGAIN) {
        throw new IOException("poll() on the PTY failed: errno " + errno);
      }
    }
  }

  private boolean enter() {
    synchronized (lock) {
      if (closing) {
        return false;
      }
      callsInProgress++;
      return true;
    }
  }

  private void leave() {
    synchronized (lock) {
      callsInProgress--;
      if (closing && callsInProgress == 0) {
        release();
      }
    }
  }

  /** Wakes blocked calls; the descriptors are closed once none is in progress. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closing) {
        return;
      }
      closing = true;
      if (callsInProgress == 0) {
        release();
        return;
      }
      // The byte stays unread, so every later poll() wakes too; if the write fails, the pipe is
      // full, which wakes them just the same.
      LibC.write(wakeWrite, wakeByte, 1);
    }
  }

  private void release() {
    if (!released) {
      released = true;
      closeQuietly(master);
      closeQuietly(wakeRead);
      closeQuietly(wakeWrite);
    }
  }

  private static void closeQuietly(int fd) {
    if (fd >= 0) {
      try {
        LibC.close(fd);
      } catch (LastErrorException e) {
        // nothing left to do with it
      }
    }
  }
}
