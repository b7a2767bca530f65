package dev.kubetty.desktop.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecListener;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries the shells of a preference list one after the other in one container until one starts.
 *
 * <p>A shell that the image does not have shows up right after the exec is accepted: the runtime
 * answers with a failure status ("executable file not found", containerd) or prints an OCI error
 * and exits 126/127 (Docker). The launcher waits for the shell's first output (its prompt) or its
 * end, at most {@link #FIRST_OUTPUT_MILLIS}; silence that long counts as started.
 */
final class ShellLauncher {
  private static final Logger log = LoggerFactory.getLogger(ShellLauncher.class);
  static final long FIRST_OUTPUT_MILLIS = 5_000;
  private static final int READY_WAIT_MILLIS = 2_000;

  private final KubernetesClient client;
  private final ExecTarget target;
  private final String server;
  private final Duration keepalive;

  ShellLauncher(KubernetesClient client, ExecTarget target, String server, Duration keepalive) {
    this.client = client;
    this.target = target;
    this.server = server;
    this.keepalive = keepalive;
  }

  ExecSession open(List<String> shells, int cols, int rows) {
    for (String shell : shells) {
      ExecSession session = tryShell(shell, cols, rows);
      if (session != null) {
        log.info("event=exec-started target={} shell={}", target.label(), shell);
        return session;
      }
      log.info("event=exec-shell-missing target={} shell={}", target.label(), shell);
    }
    throw new KubeException(
        KubeProblem.NO_SHELL,
        "Container "
            + target.container()
            + " of pod "
            + target.pod()
            + " has none of the shells tried ("
            + String.join(", ", shells)
            + "). Add one to your shell list, or use an image that has a shell.");
  }

  /** The session, or {@code null} if this shell does not exist in the image. */
  private ExecSession tryShell(String shell, int cols, int rows) {
    AtomicReference<Status> status = new AtomicReference<>();
    CountDownLatch exited = new CountDownLatch(1);
    ExecWatch watch;
    try {
      watch =
          client
              .pods()
              .inNamespace(target.namespace())
              .withName(target.pod())
              .inContainer(target.container())
              .withReadyWaitTimeout(READY_WAIT_MILLIS)
              .redirectingInput()
              .redirectingOutput()
              .withTTY()
              .usingListener(
                  new ExecListener() {
                    @Override
                    public void onExit(int code, Status s) {
                      status.set(s);
                      exited.countDown();
                    }

                    @Override
                    public void onClose(int code, String reason) {
                      // The exit code future reports the end; nothing more to learn here.
                    }
                  })
              .exec(shell);
    } catch (RuntimeException e) {
      throw KubeErrors.exec(e, target, server);
    }
    watch.resize(cols, rows);
    FirstChunkStream output = new FirstChunkStream(watch.getOutput());
    byte[] first;
    try {
      first = output.peek(FIRST_OUTPUT_MILLIS);
    } catch (TimeoutException quiet) {
      first = new byte[0];
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      watch.close();
      throw new KubeException(KubeProblem.FAILED, "Opening the shell was interrupted.", e);
    }
    if (first == null || looksLikeRuntimeError(first)) {
      Integer code = awaitExit(watch);
      awaitStatus(exited); // the exit code can complete before the listener has the Status
      if (missing(status.get(), code, first)) {
        watch.close();
        return null;
      }
    }
    return new ExecSession(target, shell, watch, output, exitCode(watch), cols, rows, keepalive);
  }

  private static Integer awaitExit(ExecWatch watch) {
    try {
      return watch.exitCode().get(FIRST_OUTPUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return null;
    }
  }

  private static void awaitStatus(CountDownLatch exited) {
    try {
      exited.await(FIRST_OUTPUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean looksLikeRuntimeError(byte[] output) {
    String text = new String(output, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return text.contains("oci runtime exec failed") || text.contains("executable file not found");
  }

  private static boolean missing(Status status, Integer code, byte[] output) {
    String text =
        ((status == null || status.getMessage() == null ? "" : status.getMessage())
                + " "
                + (output == null ? "" : new String(output, StandardCharsets.UTF_8)))
            .toLowerCase(Locale.ROOT);
    boolean notFound =
        text.contains("executable file not found")
            || text.contains("no such file or directory")
            || text.contains("not found");
    return notFound && (code == null || code == -1 || code == 126 || code == 127);
  }

  private CompletableFuture<Integer> exitCode(ExecWatch watch) {
    return watch
        .exitCode()
        .handle(
            (code, error) -> {
              if (error != null) {
                throw KubeErrors.exec(error, target, server);
              }
              if (code == null) {
                throw new KubeException(
                    KubeProblem.UNREACHABLE,
                    "The connection to the cluster was lost; the shell in "
                        + target.pod()
                        + " may have ended. Reconnect to open a new one.");
              }
              return code;
            });
  }
}
