package dev.kubetty.testing.kube;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

  /**
   * Writes two kubeconfig files into {@code dir} for the API server at {@code server}: context
   * {@code alpha} (namespace {@code team-a}, token {@code t-alpha}) in the first, {@code beta}
   * ({@code team-b}, {@code t-beta}) in the second, and returns them as a {@code KUBECONFIG} path
   * list. Merged, the first file's current context ({@code alpha}) wins.
   */
  public static String twoFiles(Path dir, String server) throws IOException {
    Path first =
        Files.writeString(dir.resolve("first.yaml"), single(server, "alpha", "team-a", "t-alpha"));
    Path second =
        Files.writeString(dir.resolve("second.yaml"), single(server, "beta", "team-b", "t-beta"));
    return first + File.pathSeparator + second;
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
