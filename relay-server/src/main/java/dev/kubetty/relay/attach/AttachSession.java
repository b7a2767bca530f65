package dev.kubetty.relay.attach;

import dev.kubetty.protocol.client.RelayClient;
import dev.kubetty.protocol.client.RelayListener;
import dev.kubetty.protocol.client.State;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One {@code attach}: connects a {@link TerminalPort} to a relay through a {@link RelayClient}
 * (which reconnects and resumes by itself) until the user detaches or the relay closes for good.
 *
 * <p><b>Threads.</b> {@link #run()} blocks the caller; a daemon thread reads the keyboard (it may
 * stay blocked in {@code read} after {@code run} returns, so the process should exit then); output
 * is written on the client's callback thread; resizes arrive on a signal thread.
 *
 * <p>End of input (a pipe) detaches once output has been quiet for {@link #QUIET_BEFORE_EOF_DETACH}
 * while live, so piped commands still show their output.
 */
public final class AttachSession {
  /** How long output must be quiet (while live) after end of input before detaching: 1 s. */
  static final Duration QUIET_BEFORE_EOF_DETACH = Duration.ofSeconds(1);

  /**
   * What to attach to and how; {@code authorization} gives the {@code Authorization} header value
   * on every (re)connect, or is null for a relay without authentication.
   */
  public record Options(
      URI uri,
      boolean takeover,
      boolean history,
      EscapeScanner escapes,
      Supplier<String> authorization) {}

  private final Options options;
  private final TerminalPort port;
  private final StatusLines status;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final RelayClient client;
  private volatile long lastOutputNanos = System.nanoTime();

  AttachSession(Options options, TerminalPort port, StatusLines status) {
    this.options = options;
    this.port = port;
    this.status = status;
    TerminalPort.Size size = port.size();
    RelayClient.Builder builder =
        RelayClient.builder(options.uri())
            .size(size.cols(), size.rows())
            .takeover(options.takeover())
            .resumeFrom(options.history() ? null : RelayClient.LATEST)
            .listener(new Listener());
    if (options.authorization() != null) {
      builder.authorization(options.authorization());
    }
    this.client = builder.build();
  }

  /**
   * Attaches the process's own terminal (raw mode if it is one) until detach or a final close and
   * returns the exit code (0 or 1). The terminal is restored on return, on an exception, and by a
   * shutdown hook on SIGTERM or SIGINT.
   */
  public static int attach(Options options, PrintStream err) throws IOException {
    TerminalPort port = SystemTerminalPort.open();
    try {
      AttachSession session = new AttachSession(options, port, new StatusLines(err, port.raw()));
      Thread restore =
          Thread.ofPlatform()
              .name("attach-restore")
              .unstarted(
                  () -> {
                    session.abort();
                    port.close();
                  });
      Runtime.getRuntime().addShutdownHook(restore);
      int code = session.run();
      removeHook(restore);
      return code;
    } finally {
      port.close();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs anyway and finds the work done.
    }
  }

  /** Attaches until detach or a final close; returns the process exit code (0 or 1). */
  int run() {
    port.onResize(this::resize);
    client.connect();
    Thread.ofPlatform().daemon().name("attach-input").start(this::pumpInput);
    int code = exit.join();
    client.close();
    return code;
  }

  /** Closes the connection (1000) without waiting; for a shutdown hook. */
  void abort() {
    client.close();
  }

  private void resize() {
    TerminalPort.Size size = port.size();
    client.resize(size.cols(), size.rows());
  }

  private void pumpInput() {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = port.input().read(buffer)) >= 0) {
        if (!handleInput(buffer, n)) {
          return;
        }
      }
    } catch (IOException e) {
      finish(1, "cannot read input: " + e.getMessage());
      return;
    }
    detachWhenQuiet();
  }

  /** Forwards one read; returns false after a detach. */
  private boolean handleInput(byte[] buffer, int length) {
    EscapeScanner.Result result = options.escapes().scan(buffer, length);
    if (result.forward().length > 0) {
      client.send(result.forward());
    }
    if (result.help()) {
      status.printRaw(options.escapes().help(status.newline()));
    }
    if (result.detach()) {
      finish(0, "detached; the shell keeps running");
      return false;
    }
    return true;
  }

  private void detachWhenQuiet() {
    long quietNanos = QUIET_BEFORE_EOF_DETACH.toNanos();
    long liveSince = 0;
    while (!exit.isDone()) {
      long now = System.nanoTime();
      if (client.state() != State.LIVE) {
        liveSince = 0;
      } else if (liveSince == 0) {
        liveSince = now;
      } else if (now - Math.max(liveSince, lastOutputNanos) >= quietNanos) {
        finish(0, "end of input; detached");
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private synchronized void finish(int code, String message) {
    if (exit.isDone()) {
      return;
    }
    status.print(message);
    exit.complete(code);
  }

  /** Relay events: output to the terminal, everything else to status lines. */
  private final class Listener implements RelayListener {
    private State last = State.NEW;

    @Override
    public void onOutput(long offset, byte[] data) {
      lastOutputNanos = System.nanoTime();
      try {
        port.output().write(data);
        port.output().flush();
      } catch (IOException e) {
        finish(1, "cannot write output: " + e.getMessage());
      }
    }

    @Override
    public void onStateChanged(State state, String detail) {
      if (state == State.RECONNECTING && last != State.RECONNECTING) {
        status.print("reconnecting… (" + detail + ")");
      } else if (state == State.LIVE && last == State.RECONNECTING) {
        status.print("live");
      }
      last = state;
    }

    @Override
    public void onGap(long from, long to) {
      status.print((to - from) + " bytes of output were lost while disconnected");
    }

    @Override
    public void onExit(int code) {
      status.print("shell exited with code " + code + "; a new shell started");
    }

    @Override
    public void onError(String code, String message) {
      status.print("relay refused a request: " + message + " (" + code + ")");
    }

    @Override
    public void onClosed(int code, String reason) {
      finish(CloseMessages.exitCode(code), CloseMessages.describe(code, reason));
    }
  }
}
