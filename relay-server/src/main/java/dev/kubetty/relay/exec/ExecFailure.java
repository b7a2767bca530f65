package dev.kubetty.relay.exec;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why an exec could not start, as sent to the client in an {@code error} message: a stable {@code
 * code} and a sentence for people.
 *
 * <table>
 *   <caption>codes</caption>
 *   <tr><td>{@code exec_forbidden}</td><td>RBAC: {@code pods/exec} needs {@code create} and {@code get}</td></tr>
 *   <tr><td>{@code credentials_rejected}</td><td>HTTP 401: expired or revoked credentials</td></tr>
 *   <tr><td>{@code pod_not_found}</td><td>no such pod or container</td></tr>
 *   <tr><td>{@code pod_not_running}</td><td>the pod is Pending, Succeeded, Failed…</td></tr>
 *   <tr><td>{@code cluster_unreachable}</td><td>refused, timed out, unknown host, TLS</td></tr>
 *   <tr><td>{@code no_shell}</td><td>the command (default: bash, else sh) is not in the image</td></tr>
 *   <tr><td>{@code exec_failed}</td><td>anything else (the server's words)</td></tr>
 * </table>
 */
record ExecFailure(String code, String message) {

  static ExecFailure notRunning(ExecTarget target, String phase) {
    return new ExecFailure(
        "pod_not_running",
        "Pod "
            + target.pod()
            + " is "
            + phase
            + ", not running: a shell can only be opened in a running pod.");
  }

  /**
   * The command could not run in the container ({@code runtimeWords} from the exec's Status), or
   * {@code null} if {@code runtimeWords} is {@code null}: {@code no_shell} when the default shell
   * (bash, else sh) or the named program is not in the image, else {@code exec_failed}.
   */
  static ExecFailure notRun(ExecTarget target, String runtimeWords) {
    if (runtimeWords == null) {
      return null;
    }
    String where =
        target.container() == null ? "pod " + target.pod() : "container " + target.container();
    if (runtimeWords.contains("executable file not found")
        || runtimeWords.contains("no such file")) {
      return new ExecFailure(
          "no_shell",
          target.command().isEmpty()
              ? "The " + where + " has no shell: neither bash nor sh is in its image."
              : "The " + where + " has no " + target.command().getFirst() + " in its image.");
    }
    return new ExecFailure("exec_failed", "Could not run the command: " + runtimeWords);
  }

  static ExecFailure notFound(ExecTarget target) {
    return new ExecFailure(
        "pod_not_found",
        "There is no pod " + target.pod() + " in namespace " + target.namespace() + ".");
  }

  /** Explains a fabric8 failure to exec into {@code target}. */
  static ExecFailure of(Throwable error, ExecTarget target) {
    int status = httpStatus(error);
    return switch (status) {
      case 401 ->
          new ExecFailure(
              "credentials_rejected",
              "The cluster rejected the credentials: they have expired or were revoked. Log in"
                  + " again and request a new ticket.");
      case 403 ->
          new ExecFailure(
              "exec_forbidden",
              "Not allowed to open a shell in pod "
                  + target.pod()
                  + " (namespace "
                  + target.namespace()
                  + "). Exec needs the RBAC verbs \"create\" and \"get\" on \"pods/exec\" in that"
                  + " namespace.");
      case 404 -> notFound(target);
      default ->
          unreachable(error)
              ? new ExecFailure(
                  "cluster_unreachable",
                  "Cannot reach the Kubernetes API server. Check the cluster address and network.")
              : new ExecFailure("exec_failed", "Could not open a shell: " + serverWords(error));
    };
  }

  private static int httpStatus(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof WebSocketHandshakeException h && h.getResponse() != null) {
        return h.getResponse().code();
      }
      if (t instanceof KubernetesClientException k && k.getCode() > 0) {
        return k.getCode();
      }
    }
    return -1;
  }

  private static boolean unreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException
          || t instanceof TimeoutException
          || t instanceof SSLException) {
        return true;
      }
      // Vert.x (fabric8's HTTP client) says these in words only; the desktop's KubeErrors agrees.
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("connection refused") || message.contains("failed to resolve")) {
        return true;
      }
    }
    return false;
  }

  private static String serverWords(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k
          && k.getStatus() != null
          && k.getStatus().getMessage() != null) {
        return k.getStatus().getMessage();
      }
    }
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }
}
