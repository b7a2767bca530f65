package dev.kubetty.relay.pty;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.IOException;

/**
 * The output side of a PTY master, read with one {@code poll} and one {@code read} per chunk
 * through {@link LibC}'s direct bindings, on a duplicate of the master's file descriptor that this
 * object owns.
 *
 * <p>{@link #close} from any thread wakes a blocked {@link #read} (through a pipe, as pty4j does),
 * even when a background process still holds the terminal open. Descriptors are closed exactly
 * once, by whichever of the reader and {@link #close} comes last, so a descriptor number is never
 * used after it might have been reused.
 *
 * <p>Threads: one reader at a time; {@link #close} from any thread.
 */
final class PtyOutput implements AutoCloseable {
  private static final int MAX_CHUNK = 64 << 10;

  private final Object lock = new Object();
  private final int master;
  private final int wakeRead;
  private final int wakeWrite;
  private final Memory pollFds = new Memory(2L * LibC.POLLFD_SIZE);
  private final Memory chunk = new Memory(MAX_CHUNK);
  private final Memory wakeByte = new Memory(1);
  private boolean reading; // guarded by lock
  private boolean closing; // guarded by lock
  private boolean released; // guarded by lock

  /** Duplicates {@code masterFd}; the caller keeps (and eventually closes) its own descriptor. */
  PtyOutput(int masterFd) throws IOException {
    int[] pipe = new int[2];
    try {
      LibC.pipe(pipe);
    } catch (LastErrorException e) {
      throw new IOException("pipe() failed: errno " + e.getErrorCode(), e);
    }
    int dup;
    try {
      dup = LibC.dup(masterFd);
    } catch (LastErrorException e) {
      LibC.close(pipe[0]);
      LibC.close(pipe[1]);
      throw new IOException("dup() of the PTY master failed: errno " + e.getErrorCode(), e);
    }
    this.master = dup;
    this.wakeRead = pipe[0];
    this.wakeWrite = pipe[1];
    pollFds.setInt(0, wakeRead);
    pollFds.setInt(LibC.POLLFD_SIZE, master);
  }

  /**
   * Reads up to {@code max} bytes of output into {@code buffer[0..n)}; blocks until there is some.
   *
   * @return n, or -1 once the terminal has hung up (every process holding it has gone) or this
   *     object was closed
   * @throws IOException on an unexpected error from the system
   */
  int read(byte[] buffer, int max) throws IOException {
    synchronized (lock) {
      if (closing || released) {
        return -1;
      }
      reading = true;
    }
    long n = -1;
    try {
      n = readSome(Math.min(max, MAX_CHUNK));
    } finally {
      synchronized (lock) {
        reading = false;
        if (n < 0 || closing) {
          release();
          n = -1;
        }
      }
    }
    if (n < 0) {
      return -1;
    }
    chunk.read(0, buffer, 0, (int) n);
    return (int) n;
  }

  private long readSome(int max) throws IOException {
    while (true) {
      pollFds.setShort(4, LibC.POLLIN);
      pollFds.setShort(6, (short) 0);
      pollFds.setShort(LibC.POLLFD_SIZE + 4, LibC.POLLIN);
      pollFds.setShort(LibC.POLLFD_SIZE + 6, (short) 0);
      try {
        LibC.poll(pollFds, 2, -1);
      } catch (LastErrorException e) {
        if (e.getErrorCode() == LibC.EINTR || e.getErrorCode() == LibC.EAGAIN) {
          continue;
        }
        throw new IOException("poll() on the PTY failed: errno " + e.getErrorCode(), e);
      }
      if (pollFds.getShort(6) != 0) {
        return -1; // woken by close()
      }
      if (pollFds.getShort(LibC.POLLFD_SIZE + 6) == 0) {
        continue;
      }
      try {
        long n = LibC.read(master, chunk, max);
        return n == 0 ? -1 : n;
      } catch (LastErrorException e) {
        switch (e.getErrorCode()) {
          case LibC.EINTR, LibC.EAGAIN -> {}
          case LibC.EIO -> {
            return -1; // Linux: the slave side is closed everywhere
          }
          default ->
              throw new IOException("read() from the PTY failed: errno " + e.getErrorCode(), e);
        }
      }
    }
  }

  /** Wakes a blocked reader; the descriptors are closed once no read is in progress. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closing || released) {
        return;
      }
      closing = true;
      if (!reading) {
        release();
        return;
      }
      try {
        LibC.write(wakeWrite, wakeByte, 1);
      } catch (LastErrorException e) {
        // A full pipe already wakes the reader.
      }
    }
  }

  private void release() {
    if (released) {
      return;
    }
    released = true;
    LibC.close(master);
    LibC.close(wakeRead);
    LibC.close(wakeWrite);
  }
}
