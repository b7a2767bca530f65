package dev.kubetty.relay.exec;

/**
 * What a redeemed ticket grants: one exec into {@code target}, with the caller's kubeconfig (held
 * in memory only, for the ticket's life and the exec's) or, if {@code null}, the relay's service
 * account.
 */
record ExecTicket(ExecTarget target, String kubeconfig, String context) {
  boolean usesServiceAccount() {
    return kubeconfig == null;
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
