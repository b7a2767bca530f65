package dev.kubetty.desktop.kube;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Opens the shells of exec tabs. Every {@link #open} reads the kubeconfig afresh and connects its
 * own {@link KubeCluster}, so a reconnect after a new login (or an edited kubeconfig) uses the new
 * credentials, and one tab's connection never outlives the tab.
 *
 * <p>The shells tried come from {@value #SHELLS_VARIABLE} (comma- or space-separated, e.g. {@code
 * zsh,bash,sh}), else {@link KubeCluster#DEFAULT_SHELLS}. Thread-safe; {@link #open} blocks on the
 * network.
 */
public final class ShellOpener {
  /** The environment variable with the user's shell preference list. */
  public static final String SHELLS_VARIABLE = "KUBETTY_EXEC_SHELLS";

  private final Map<String, String> env;
  private final List<String> shells;

  /** An opener for the kubeconfig and shell list of {@code env}. */
  public ShellOpener(Map<String, String> env) {
    this.env = Map.copyOf(env);
    this.shells = parseShells(env.get(SHELLS_VARIABLE));
  }

  /** The shells tried, in order. */
  public List<String> shells() {
    return shells;
  }

  /** {@code "zsh, bash sh"} as a list; blank or null gives {@link KubeCluster#DEFAULT_SHELLS}. */
  public static List<String> parseShells(String value) {
    if (value == null || value.isBlank()) {
      return KubeCluster.DEFAULT_SHELLS;
    }
    return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
  }

  /**
   * Opens a TTY shell in {@code target} sized {@code cols}×{@code rows}.
   *
   * @throws KubeException with a plain message (no permission, pod gone or not running, no shell,
   *     unreachable, credentials expired, bad kubeconfig)
   */
  public OpenShell open(ExecTarget target, int cols, int rows) {
    KubeCluster cluster = KubeCluster.connect(Kubeconfig.load(env), target.context());
    try {
      return new OpenShell(cluster.openShell(target, shells, cols, rows), cluster);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * A running shell and the cluster connection it lives on; closing ends both.
   *
   * @param session the shell
   * @param cluster its connection
   */
  public record OpenShell(ExecSession session, KubeCluster cluster) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
      cluster.close();
    }
  }
}
