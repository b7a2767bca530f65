package dev.kubetty.desktop.kube;

/** What went wrong talking to a cluster, in the terms a user can act on. */
public enum KubeProblem {
  /** RBAC forbids the request (for exec: {@code create} and {@code get} on {@code pods/exec}). */
  NO_PERMISSION,
  /** The pod exists but is not running, so nothing can be exec'd in it. */
  POD_NOT_RUNNING,
  /** None of the shells tried exists in the container's image. */
  NO_SHELL,
  /** The API server cannot be reached (refused, timed out, unknown host, TLS failure). */
  UNREACHABLE,
  /** The API server rejected the credentials (HTTP 401), or the credential plugin failed. */
  CREDENTIALS_EXPIRED,
  /** The pod, container or namespace does not exist. */
  NOT_FOUND,
  /** A kubeconfig file cannot be read or has no such context. */
  KUBECONFIG,
  /** Anything else; the message carries the server's words. */
  FAILED
}
