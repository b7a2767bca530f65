package dev.kubetty.relay.pty;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc calls the relay makes for every chunk of terminal output and input, bound with JNA
 * <em>direct mapping</em>: a native method call with no per-call reflection, argument conversion or
 * structure allocation (pty4j's interface-mapped {@code poll} and {@code read} spent most of the
 * relay's CPU in a flood on exactly that).
 *
 * <p>The set-up calls throw {@link LastErrorException} carrying {@code errno} when they fail. The
 * per-chunk calls ({@code poll}, {@code read}, {@code write}) return -1 instead and leave {@code
 * errno} in {@link Native#getLastError()}: a reader that has caught up with the shell gets {@code
 * EAGAIN} once per chunk, and an exception (with its stack trace) cost ~2.4 µs each time.
 */
final class LibC {
  static final int EINTR = 4;
  static final int EIO = 5;
  static final int EAGAIN = 11;
  static final short POLLIN = 0x1;
  static final short POLLOUT = 0x4;
  static final int F_GETFL = 3;
  static final int F_SETFL = 4;
  static final int O_NONBLOCK = 0x800;

  /** {@code struct pollfd}: int fd, short events, short revents. */
  static final int POLLFD_SIZE = 8;

  static {
    Native.register(Platform.C_LIBRARY_NAME);
  }

  private LibC() {}

  static native int dup(int fd) throws LastErrorException;

  /** {@code fcntl} with an int argument (F_GETFL, F_SETFL). */
  static native int fcntl(int fd, int command, int argument) throws LastErrorException;

  static native int pipe(int[] fds) throws LastErrorException;

  /** Returns -1 on failure, with {@code errno} in {@link Native#getLastError()}. */
  static native int poll(Pointer fds, long nfds, int timeoutMillis);

  /** Returns -1 on failure, with {@code errno} in {@link Native#getLastError()}. */
  static native long read(int fd, Pointer buffer, long count);

  /** Returns -1 on failure, with {@code errno} in {@link Native#getLastError()}. */
  static native long write(int fd, Pointer buffer, long count);

  static native int close(int fd) throws LastErrorException;
}
