package dev.kubetty.desktop.kube;

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
 * Turns fabric8's exceptions into {@link KubeException}s with plain-language messages. The HTTP
 * status is looked for anywhere in the cause chain (fabric8 wraps a refused exec upgrade in two
 * layers).
 */
final class KubeErrors {
  private KubeErrors() {}

  /** A failed exec into {@code target} on the cluster at {@code server}. */
  static KubeException exec(Throwable error, ExecTarget target, String server) {
    if (error instanceof KubeException known) {
      return known;
    }
    String where = "pod " + target.pod() + " (namespace " + target.namespace() + ")";
    return switch (httpStatus(error)) {
      case 401 -> credentials(error, target.context());
      case 403 ->
          new KubeException(
              KubeProblem.NO_PERMISSION,
              "You are not allowed to open a shell in "
                  + where
                  + ". Exec needs the RBAC verbs \"create\" and \"get\" on \"pods/exec\" in"
                  + " namespace "
                  + target.namespace()
                  + "; ask a cluster admin for a Role that grants them.",
              error);
      case 404 ->
          new KubeException(KubeProblem.NOT_FOUND, "There is no " + where + " any more.", error);
      default -> general(error, target.context(), server, "open a shell in " + where);
    };
  }

  /** A failed read ({@code what}: "list pods in namespace x") through {@code context}. */
  static KubeException read(Throwable error, String context, String server, String what) {
    if (error instanceof KubeException known) {
      return known;
    }
    return switch (httpStatus(error)) {
      case 401 -> credentials(error, context);
      case 403 ->
          new KubeException(
              KubeProblem.NO_PERMISSION,
              "You are not allowed to " + what + " (RBAC forbids it for your user).",
              error);
      case 404 ->
          new KubeException(KubeProblem.NOT_FOUND, "Cannot " + what + ": not found.", error);
      default -> general(error, context, server, what);
    };
  }

  private static KubeException credentials(Throwable error, String context) {
    return new KubeException(
        KubeProblem.CREDENTIALS_EXPIRED,
        "The cluster rejected the credentials of context "
            + context
            + ": they have expired or were revoked. Log in again (for example with your cloud's"
            + " CLI) and retry.",
        error);
  }

  private static KubeException general(
      Throwable error, String context, String server, String what) {
    if (unreachable(error)) {
      return new KubeException(
          KubeProblem.UNREACHABLE,
          "Cannot reach the cluster of context "
              + context
              + " at "
              + server
              + ". Check your network or VPN and that the API server is up.",
          error);
    }
    return new KubeException(
        KubeProblem.FAILED, "Could not " + what + ": " + serverWords(error), error);
  }

  /** The HTTP status in the cause chain, or -1. */
  static int httpStatus(Throwable error) {
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
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("connection refused") || message.contains("failed to resolve")) {
        return true;
      }
    }
    return false;
  }

  private static String serverWords(Throwable error) {
    String last = null;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        last = t.getMessage();
        if (t instanceof KubernetesClientException k && k.getStatus() != null) {
          return k.getStatus().getMessage() != null ? k.getStatus().getMessage() : last;
        }
      }
    }
    return last == null ? error.getClass().getSimpleName() : last;
  }
}
