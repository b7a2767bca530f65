package dev.kubetty.relay.session;

import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.pty.ShellProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's one persistent terminal session: a login shell on a PTY whose output is one endless
 * byte stream, whoever is attached.
 *
 * <p>Lifecycle: {@link #start} spawns the shell and a reader thread; when the shell exits an {@code
 * exit} event is recorded in the stream and a new shell starts (after a back-off if shells keep
 * dying within a second); {@link #close} kills the shell for good. Output keeps being read while no
 * client is attached, subject to the flow-control rules of {@link StreamState}.
 *
 * <p>Thread-safe.
 */
public final class TerminalSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TerminalSession.class);
  private static final int READ_CHUNK = 64 << 10;

  private final RelayConfig config;
  private final StreamState stream;
  private static final int MAX_PENDING_INPUT = 64 << 10;

  private final Object inputLock = new Object();
  private final List<byte[]> pendingInput = new ArrayList<>(); // guarded by inputLock
  private int pendingInputBytes; // guarded by inputLock
  private long inputOffset; // guarded by inputLock
  private final Object countsLock = new Object();
  private final InputCounts inputCounts = new InputCounts(); // guarded by countsLock
  private final SessionRecorder recorder;
  private final Thread reader;
  private volatile ShellProcess shell;
  private volatile int cols = 80;
  private volatile int rows = 24;
  private volatile boolean closed;

  private TerminalSession(RelayConfig config, SessionRecorder recorder, SessionHistory history) {
    this.config = config;
    this.recorder = recorder;
    this.inputOffset = history.inputOffset();
    this.stream =
        new StreamState(config.bufferBytes(), config.windowBytes(), config.resumeGrace(), history);
    this.reader = Thread.ofPlatform().name("pty-reader-" + config.sessionId()).unstarted(this::run);
    this.reader.setDaemon(true);
  }

  /** Starts a new session with no transcript; returns once its shell is running. */
  public static TerminalSession start(RelayConfig config) throws IOException {
    return start(config, SessionRecorder.NONE, SessionHistory.EMPTY);
  }

  /**
   * Starts the session's first shell, its stream going on from {@code history} and every byte in
   * and out reported to {@code recorder}; returns once the shell is running.
   */
  public static TerminalSession start(
      RelayConfig config, SessionRecorder recorder, SessionHistory history) throws IOException {
    TerminalSession session = new TerminalSession(config, recorder, history);
    session.shell = session.spawn();
    session.reader.start();
    return session;
  }

  /** The session id ({@code SESSION_ID}). */
  public String id() {
    return config.sessionId();
  }

  /** Whether a shell is running right now (false briefly between an exit and the respawn). */
  public boolean isReady() {
    return !closed && shell != null;
  }

  /** The offset one past the newest output byte. */
  public long head() {
    return stream.head();
  }

  /** The flow-control window in bytes, announced in {@code ready}. */
  public int window() {
    return stream.window();
  }

  StreamState stream() {
    return stream;
  }

  SessionRecorder recorder() {
    return recorder;
  }

  /**
   * Attaches a connection that said {@code hello}. A displaced connection (take-over, or the same
   * client id's ghost) is closed with 4410 through its {@link Attachment.Closer} before this
   * returns.
   */
  public AttachResult attach(Hello hello, Peer peer, Attachment.Closer closer) {
    StreamState.Attach result = stream.attach(hello, peer, this, closer);
    if (result.attached() == null) {
      return new AttachResult.Busy(result.busyWith());
    }
    if (result.displaced() != null) {
      log.info(
          "session={} event=displaced remote={} by={}",
          id(),
          result.displaced().remote(),
          peer.address());
      result.displaced().displace();
    }
    recorder.attached(result.attached());
    resize(hello.cols(), hello.rows());
    Long inputTaken;
    synchronized (countsLock) {
      inputTaken = inputCounts.attached(hello.client());
    }
    return new AttachResult.Attached(result.attached(), inputTaken);
  }

  /**
   * Input from {@code from}: counted for its client id and written, or dropped if {@code from} is
   * no longer the attached connection. Checking and counting under one lock, which {@link #attach}
   * takes after attaching, makes {@code ready.input} exact: input counted before a re-attach is in
   * it, input from a displaced connection is neither counted nor written.
   */
  void input(Attachment from, byte[] bytes) {
    synchronized (countsLock) {
      if (!stream.isAttached(from)) {
        log.debug("session={} event=input-dropped bytes={} reason=displaced", id(), bytes.length);
        return;
      }
      inputCounts.took(from.clientId(), bytes.length);
    }
    input(bytes);
  }

  /**
   * Writes keyboard input to the current shell. Between a shell's exit and the next shell's start,
   * up to 64 KiB of input is kept and given to the new shell; beyond that it is dropped.
   */
  private void input(byte[] bytes) {
    synchronized (inputLock) {
      recorder.input(inputOffset, bytes);
      inputOffset += bytes.length;
      ShellProcess current = shell;
      if (current == null) {
        if (pendingInputBytes + bytes.length <= MAX_PENDING_INPUT) {
          pendingInput.add(bytes);
          pendingInputBytes += bytes.length;
        } else {
          log.warn("session={} event=input-dropped bytes={} reason=no-shell", id(), bytes.length);
        }
        return;
      }
      write(current, bytes);
    }
  }

  private void write(ShellProcess current, byte[] bytes) {
    try {
      current.write(bytes);
    } catch (IOException e) {
      // The shell is exiting; the reader thread records the exit and respawns.
      log.debug("session={} event=input-dropped reason={}", id(), e.toString());
    }
  }

  /** Makes {@code started} the current shell and hands it the input typed while there was none. */
  private void install(ShellProcess started) {
    synchronized (inputLock) {
      shell = started;
      for (byte[] bytes : pendingInput) {
        write(started, bytes);
      }
      pendingInput.clear();
      pendingInputBytes = 0;
    }
  }

  /** Resizes the terminal; remembered for the next shell. */
  void resize(int newCols, int newRows) {
    cols = newCols;
    rows = newRows;
    recorder.resize(stream.head(), newCols, newRows);
    ShellProcess current = shell;
    if (current != null) {
      current.resize(newCols, newRows);
    }
  }

  private ShellProcess spawn() throws IOException {
    ShellProcess started =
        ShellProcess.start(config.shell(), config.workingDirectory(), cols, rows);
    log.info("session={} event=shell-started pid={} cmd={}", id(), started.pid(), config.shell());
    recorder.shellStarted(stream.head());
    return started;
  }

  private void run() {
    long backoffMillis = 0;
    while (!closed) {
      try {
        if (shell == null) {
          install(spawn());
        }
        long started = System.nanoTime();
        int code = pump(shell);
        synchronized (inputLock) {
          shell = null;
        }
        if (closed) {
          return;
        }
        // The transcript hears of the exit before any client can (this thread is the only
        // appender, so the head cannot move in between).
        recorder.exit(stream.head(), code);
        stream.recordExit(code);
        log.info("session={} event=shell-exited code={}", id(), code);
        boolean quick = System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1);
        backoffMillis = quick ? Math.min(Math.max(250, backoffMillis * 2), 30_000) : 0;
      } catch (IOException e) {
        log.error("session={} event=shell-start-failed error={}", id(), e.getMessage());
        backoffMillis = Math.min(Math.max(1_000, backoffMillis * 2), 30_000);
      } catch (InterruptedException e) {
        return;
      }
      sleep(Duration.ofMillis(backoffMillis));
    }
  }

  /** Copies the shell's output into the stream until it exits; returns its exit code. */
  private int pump(ShellProcess current) throws InterruptedException {
    byte[] buffer = new byte[READ_CHUNK];
    try {
      int room;
      while ((room = stream.awaitRoom(buffer.length)) > 0) {
        int n = current.read(buffer, room);
        if (n < 0) {
          break;
        }
        recorder.output(stream.append(buffer, n), buffer, n);
      }
    } catch (IOException e) {
      // Linux reports EIO on the PTY master once the shell side is gone: that is end of output.
      log.debug("session={} event=pty-read-ended reason={}", id(), e.toString());
    }
    if (closed) {
      return -1;
    }
    return current.waitFor();
  }

  private void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the shell and stops the reader; attached connections see {@code next()} return null. */
  @Override
  public void close() {
    closed = true;
    stream.close();
    ShellProcess current = shell;
    if (current != null) {
      current.destroy();
    }
    reader.interrupt();
    try {
      reader.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("session={} event=closed", id());
  }
}
