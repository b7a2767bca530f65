package dev.kubetty.desktop.kube;

/**
 * A failure talking to a cluster, with a {@link KubeProblem} kind and a message written for people
 * (one or two sentences, never a stack trace, never a credential). Unchecked: every kube operation
 * of this package may throw it.
 */
public final class KubeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final KubeProblem problem;

  public KubeException(KubeProblem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  public KubeException(KubeProblem problem, String message) {
    this(problem, message, null);
  }

  /** The kind of failure, for choosing an icon or an action (retry, re-login, pick another). */
  public KubeProblem problem() {
    return problem;
  }
}
