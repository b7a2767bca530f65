package dev.kubetty.testing.kube;

/** Kubeconfig YAML for tests. */
public final class Kubeconfigs {
  private Kubeconfigs() {}

  /**
   * A kubeconfig with one context {@code context} (also the name of its cluster and user) for the
   * API server at {@code server}, namespace {@code namespace} (may be null) and bearer {@code
   * token} (may be null); it is the current context.
   */
  public static String single(String server, String context, String namespace, String token) {
    return "apiVersion: v1\nkind: Config\ncurrent-context: "
        + context
        + "\n"
        + clusters(server, context)
        + contexts(context, namespace)
        + users(context, token);
  }

  /** A {@code clusters:} section with one cluster. */
  public static String clusters(String server, String name) {
    return "clusters:\n- name: " + name + "\n  cluster:\n    server: " + server + "\n";
  }

  /** A {@code contexts:} section with one context whose cluster and user are named like it. */
  public static String contexts(String name, String namespace) {
    return "contexts:\n- name: "
        + name
        + "\n  context:\n    cluster: "
        + name
        + "\n    user: "
        + name
        + (namespace == null ? "" : "\n    namespace: " + namespace)
        + "\n";
  }

  /** A {@code users:} section with one user. */
  public static String users(String name, String token) {
    return "users:\n- name: "
        + name
        + "\n  user:"
        + (token == null ? " {}" : "\n    token: " + token)
        + "\n";
  }
}
