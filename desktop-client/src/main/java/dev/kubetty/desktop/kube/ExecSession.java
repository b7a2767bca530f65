package dev.kubetty.desktop.kube;

import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live shell in a container: a TTY exec through the Kubernetes API ({@code v4.channel.k8s.io}).
 * Made by {@link KubeCluster#openShell}.
 *
 * <p>Bytes: {@link #output()} is what the shell writes (stdout; with a TTY stderr is merged into
 * it), raw bytes that may split UTF-8 characters and escape sequences anywhere: decode it
 * incrementally (an {@code InputStreamReader} does). {@link #write} sends keyboard input. A
 * JediTerm {@code TtyConnector} wraps exactly these: {@code read} from {@link #output()}, {@code
 * write} to {@link #write}, {@code resize} to {@link #resize}, {@code waitFor} on {@link
 * #exitCode()}.
 *
 * <p>Keepalive: an idle session re-sends its window size every 20 s ({@link ExecKeepalive}), so
 * idle shells are not cut.
 *
 * <p>Threads: {@link #output()} is read by one thread at a time (it blocks); the other methods may
 * be called from any thread. {@link #exitCode()} completes on a fabric8 thread.
 */
public final class ExecSession implements AutoCloseable {
  private final ExecTarget target;
  private final String shell;
  private final ExecWatch watch;
  private final InputStream output;
  private final CompletableFuture<Integer> exitCode;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ScheduledFuture<?> keepalive;
  private volatile int cols;
  private volatile int rows;

  ExecSession(
      ExecTarget target,
      String shell,
      ExecWatch watch,
      InputStream output,
      CompletableFuture<Integer> exitCode,
      int cols,
      int rows,
      Duration keepaliveInterval) {
    this.target = target;
    this.shell = shell;
    this.watch = watch;
    this.output = output;
    this.exitCode = exitCode;
    this.cols = cols;
    this.rows = rows;
    this.keepalive = ExecKeepalive.every(keepaliveInterval, this::keepalive);
    exitCode.whenComplete((code, error) -> keepalive.cancel(false));
  }

  private void keepalive() {
    if (isOpen()) {
      watch.resize(cols, rows);
    }
  }

  /** Where this shell runs (the container is the one actually used). */
  public ExecTarget target() {
    return target;
  }

  /** The shell that started, from the preference list ({@code bash}, then {@code sh}, …). */
  public String shell() {
    return shell;
  }

  /** The shell's output; end of stream when the shell has ended or the connection is lost. */
  public InputStream output() {
    return output;
  }

  /**
   * Sends keyboard input to the shell.
   *
   * @throws IOException if the exec stream is closed
   */
  public void write(byte[] bytes) throws IOException {
    OutputStream in = watch.getInput();
    in.write(bytes);
    in.flush();
  }

  /** Forwards a window-size change ({@code SIGWINCH} in the container); ignored once closed. */
  public void resize(int cols, int rows) {
    this.cols = cols;
    this.rows = rows;
    if (isOpen()) {
      watch.resize(cols, rows);
    }
  }

  /**
   * Completes with the shell's exit status when it ends; completes exceptionally with a {@link
   * KubeException} when the connection to the cluster is lost first. A new exec ({@link
   * KubeCluster#openShell}) is the way to reconnect: an exec cannot be resumed.
   */
  public CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  /** Whether the shell is still running as far as this client knows. */
  public boolean isOpen() {
    return !closed.get() && !exitCode.isDone();
  }

  /**
   * Ends the exec: the shell in the container gets a hang-up and {@link #output()} ends at once for
   * its reader (it does not wait for the server to answer the close, which never comes once the
   * cluster's client is closed too). Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      keepalive.cancel(false);
      watch.close();
      try {
        output.close();
      } catch (IOException e) {
        // Closing fabric8's buffer of received output does not fail; nothing to do either way.
      }
    }
  }
}
