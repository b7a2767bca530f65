package dev.kubetty.relay.exec;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecListener;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One running TTY exec through the Kubernetes API ({@code v4.channel.k8s.io} via fabric8): output
 * to read, input to write, resizes, and the exit code.
 *
 * <p>Threads: {@link #output()} is read by one thread; the rest may be called from any thread.
 */
final class ExecStream implements AutoCloseable {
  private static final long STATUS_WAIT_SECONDS = 2;

  /** Thrown by {@link #start} when the exec cannot begin; carries what to tell the client. */
  static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ExecFailure failure;

    StartFailure(ExecFailure failure, Throwable cause) {
      super(failure.code() + ": " + failure.message(), cause);
      this.failure = failure;
    }

    ExecFailure failure() {
      return failure;
    }
  }

  private static final int READY_WAIT_MILLIS = 2_000;

  private final ExecWatch watch;
  private final StatusRecorder status;
  private volatile int cols;
  private volatile int rows;

  /**
   * Keeps the runtime's words when the command could not run at all (not a non-zero exit). fabric8
   * can complete the exit-code future before it hands the listener the Status, so readers wait for
   * the listener to have been told how the exec ended.
   */
  private static final class StatusRecorder implements ExecListener {
    private final CountDownLatch told = new CountDownLatch(1);
    private volatile String failure;

    @Override
    public void onExit(int code, Status status) {
      if (status != null
          && "Failure".equals(status.getStatus())
          && !"NonZeroExitCode".equals(status.getReason())) {
        failure = status.getMessage() == null ? status.getReason() : status.getMessage();
      }
      told.countDown();
    }

    @Override
    public void onFailure(Throwable t, Response failureResponse) {
      told.countDown();
    }

    @Override
    public void onClose(int code, String reason) {
      told.countDown();
    }

    String awaitFailure() throws InterruptedException {
      told.await(STATUS_WAIT_SECONDS, TimeUnit.SECONDS);
      return failure;
    }
  }

  private ExecStream(ExecWatch watch, StatusRecorder status, int cols, int rows) {
    this.watch = watch;
    this.status = status;
    this.cols = cols;
    this.rows = rows;
  }

  /** Checks that the pod runs, then starts {@code target}'s command on a TTY sized cols×rows. */
  static ExecStream start(KubernetesClient client, ExecTarget target, int cols, int rows)
      throws StartFailure {
    try {
      Pod pod = client.pods().inNamespace(target.namespace()).withName(target.pod()).get();
      if (pod == null) {
        throw new StartFailure(ExecFailure.notFound(target), null);
      }
      String phase = pod.getStatus() == null ? "Unknown" : pod.getStatus().getPhase();
      if (!"Running".equals(phase)) {
        throw new StartFailure(ExecFailure.notRunning(target, phase), null);
      }
      String container = container(pod, target);
      StatusRecorder status = new StatusRecorder();
      ExecWatch watch =
          client
              .pods()
              .inNamespace(target.namespace())
              .withName(target.pod())
              .inContainer(container)
              .withReadyWaitTimeout(READY_WAIT_MILLIS)
              .redirectingInput()
              .redirectingOutput()
              .withTTY()
              .usingListener(status)
              .exec(target.argv().toArray(String[]::new));
      watch.resize(cols, rows);
      return new ExecStream(watch, status, cols, rows);
    } catch (StartFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StartFailure(ExecFailure.of(e, target), e);
    }
  }

  private static String container(Pod pod, ExecTarget target) throws StartFailure {
    List<String> names =
        pod.getSpec() == null || pod.getSpec().getContainers() == null
            ? List.of()
            : pod.getSpec().getContainers().stream().map(Container::getName).toList();
    if (target.container() != null) {
      if (!names.contains(target.container())) {
        throw new StartFailure(
            new ExecFailure(
                "pod_not_found",
                "Pod " + target.pod() + " has no container " + target.container() + "."),
            null);
      }
      return target.container();
    }
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String annotated =
        annotations == null ? null : annotations.get("kubectl.kubernetes.io/default-container");
    if (annotated != null && names.contains(annotated)) {
      return annotated;
    }
    if (names.isEmpty()) {
      throw new StartFailure(ExecFailure.notFound(target), null);
    }
    return names.getFirst();
  }

  /** The command's output (stderr merged, as with any TTY); end of stream when it ended. */
  InputStream output() {
    return watch.getOutput();
  }

  /** Writes keyboard input. */
  void write(byte[] bytes) throws IOException {
    OutputStream in = watch.getInput();
    in.write(bytes);
    in.flush();
  }

  void resize(int cols, int rows) {
    this.cols = cols;
    this.rows = rows;
    if (!watch.exitCode().isDone()) {
      watch.resize(cols, rows);
    }
  }

  /**
   * Re-sends the current size: a frame every hop forwards (fabric8 7.x sends no WebSocket pings on
   * exec streams, and idle streams get cut), and a no-op in the container since the kernel signals
   * {@code SIGWINCH} only when the size changes.
   */
  void keepalive() {
    resize(cols, rows);
  }

  /**
   * The exit status; {@code -1} when the runtime reported a failure without one; {@code null} when
   * the stream closed without any status (connection lost).
   */
  CompletableFuture<Integer> exitCode() {
    return watch.exitCode();
  }

  /**
   * Once {@link #exitCode} is done: the container runtime's message if the command could not run at
   * all (e.g. {@code executable file not found}), else {@code null}. Waits (up to 2 s) for fabric8
   * to report the exec's end to its listener.
   */
  String startFailure() throws InterruptedException {
    return status.awaitFailure();
  }

  @Override
  public void close() {
    watch.close();
    try {
      // Ends the output for its reader now, not when (if ever) the server answers the close.
      watch.getOutput().close();
    } catch (IOException e) {
      // Closing fabric8's buffer of received output does not fail; nothing to do either way.
    }
  }
}
