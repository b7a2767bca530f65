package dev.kubetty.relay.exec;

import dev.kubetty.protocol.CloseCode;
import dev.kubetty.protocol.ControlMessage.ErrorReply;
import dev.kubetty.protocol.ControlMessage.Exit;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exec behind one {@link ExecSocket}, on a virtual thread of its own: creates the client
 * (service account or the caller's kubeconfig), starts the exec, hands it to the socket, pumps its
 * output through the {@link SendWindow} into the {@link Outbox}, and reports the end ({@code exit}
 * then close 1000, or {@code error} then close 1000). A caller's client is closed when the exec
 * ends.
 */
final class ExecRunner {
  private static final Logger log = LoggerFactory.getLogger(ExecRunner.class);

  private final ExecTicket ticket;
  private final ExecGateway gateway;
  private final String id;
  private final SendWindow window;
  private final Outbox outbox;
  private final Predicate<ExecStream> attach;
  private volatile ScheduledFuture<?> keepalive;

  /**
   * @param attach makes the started exec the socket's; false if the socket closed meanwhile
   */
  ExecRunner(
      ExecTicket ticket,
      ExecGateway gateway,
      String id,
      SendWindow window,
      Outbox outbox,
      Predicate<ExecStream> attach) {
    this.ticket = ticket;
    this.gateway = gateway;
    this.id = id;
    this.window = window;
    this.outbox = outbox;
    this.attach = attach;
  }

  /** Starts the exec with a TTY of {@code cols}×{@code rows}. */
  void start(int cols, int rows) {
    Thread.ofVirtual().name("exec-" + id).start(() -> run(cols, rows));
  }

  /** Stops the keepalive frames (the socket is gone). */
  void stopKeepalive() {
    ScheduledFuture<?> current = keepalive;
    if (current != null) {
      current.cancel(false);
    }
  }

  /** On the exec's virtual thread: start, pump output, report the end. */
  private void run(int cols, int rows) {
    KubernetesClient client = null;
    try {
      client =
          ticket.usesServiceAccount()
              ? gateway.serviceAccount()
              : CallerKubeconfig.client(ticket.kubeconfig(), ticket.context());
      ExecStream started = ExecStream.start(client, ticket.target(), cols, rows);
      if (!attach.test(started)) {
        started.close();
        return;
      }
      log.info("exec={} event=exec-started target={}", id, ticket.target().label());
      long every = gateway.pingInterval().toMillis();
      keepalive =
          gateway
              .scheduler()
              .scheduleWithFixedDelay(started::keepalive, every, every, TimeUnit.MILLISECONDS);
      pump(started);
      Integer code = exitCode(started);
      stopKeepalive();
      ExecFailure notRun = ExecFailure.notRun(ticket.target(), started.startFailure());
      if (notRun != null) {
        outbox.text(new ErrorReply(notRun.code(), notRun.message()));
        outbox.close(CloseCode.NORMAL.code(), "exec failed: " + notRun.code());
      } else if (code != null) {
        outbox.text(new Exit(code));
        outbox.close(CloseCode.NORMAL.code(), "shell exited with " + code);
      } else {
        outbox.text(
            new ErrorReply(
                "connection_lost", "The connection to the Kubernetes API server was lost."));
        outbox.close(CloseCode.NORMAL.code(), "exec connection lost");
      }
      log.info("exec={} event=exec-ended code={}", id, code);
    } catch (ExecStream.StartFailure e) {
      log.info(
          "exec={} event=exec-failed target={} code={}",
          id,
          ticket.target().label(),
          e.failure().code());
      outbox.text(new ErrorReply(e.failure().code(), e.failure().message()));
      outbox.close(CloseCode.NORMAL.code(), "exec failed: " + e.failure().code());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("exec={} event=exec-error", id, e);
      outbox.close(CloseCode.INTERNAL_ERROR.code(), "relay internal error");
    } finally {
      if (client != null && !ticket.usesServiceAccount()) {
        client.close();
      }
    }
  }

  private void pump(ExecStream started) throws InterruptedException {
    byte[] buffer = new byte[32 << 10];
    try (InputStream out = started.output()) {
      for (long room; (room = window.awaitRoom()) > 0; ) {
        int n = out.read(buffer, 0, (int) Math.min(buffer.length, room));
        if (n < 0) {
          return;
        }
        boolean backlogged = window.backlogged();
        window.sent(n);
        outbox.binary(Arrays.copyOf(buffer, n), backlogged);
      }
    } catch (IOException e) {
      // The exec's stream ended abruptly; the exit code says how.
      log.debug("exec={} event=output-ended error={}", id, e.toString());
    }
  }

  private static Integer exitCode(ExecStream started) throws InterruptedException {
    try {
      return started.exitCode().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }
}
