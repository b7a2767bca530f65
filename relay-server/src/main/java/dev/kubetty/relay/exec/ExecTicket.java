package dev.kubetty.relay.exec;

import dev.kubetty.relay.auth.Principal;

/**
 * What a redeemed ticket grants: one exec into {@code target}, with the caller's kubeconfig (held
 * in memory only, for the ticket's life and the exec's) or, if {@code null}, the relay's service
 * account; {@code owner} is the user who asked for it ({@code null} with {@code
 * AUTH_MODE=disabled}).
 */
record ExecTicket(ExecTarget target, String kubeconfig, String context, Principal owner) {
  boolean usesServiceAccount() {
    return kubeconfig == null;
  }

  /** The owner's name for logs, {@code -} without authentication. */
  String user() {
    return owner == null ? "-" : owner.username();
  }

  /** Never prints the kubeconfig. */
  @Override
  public String toString() {
    return "ExecTicket["
        + target.label()
        + (kubeconfig == null ? ", service account" : ", caller kubeconfig")
        + "]";
  }
}
