package dev.kubetty.desktop.kube;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's kubeconfig, found and merged the way kubectl does it: the files listed in {@code
 * KUBECONFIG} (separated by {@code :}, {@code ;} on Windows; missing files skipped), else {@code
 * ~/.kube/config}. For every context, cluster and user the first file that names it wins; the
 * current context is the first file's {@code current-context} that is set.
 *
 * <p>Credentials are resolved by fabric8 when a context is used ({@link #clientConfig}): bearer
 * tokens, client certificates (paths relative to the file that names them), basic auth, {@code
 * exec} credential plugins and auth providers. Nothing here logs or copies them elsewhere.
 *
 * <p>Immutable snapshot of the files when {@link #load} ran; load again to see edits.
 */
public final class Kubeconfig {
  /**
   * Idle exec streams are cut by load balancers and the API server after minutes without frames.
   */
  static final long WEBSOCKET_PING_MILLIS = 20_000;

  private final List<Path> files;
  private final List<KubeContext> contexts;
  private final String currentContext;

  private Kubeconfig(List<Path> files, List<KubeContext> contexts, String currentContext) {
    this.files = files;
    this.contexts = contexts;
    this.currentContext = currentContext;
  }

  /**
   * A context of the merged kubeconfig.
   *
   * @param namespace its default namespace, or {@code null} ({@code default} then applies)
   */
  public record KubeContext(String name, String cluster, String user, String namespace) {
    /** The namespace to start in: the context's, else {@code default}. */
    public String namespaceOrDefault() {
      return namespace == null || namespace.isBlank() ? "default" : namespace;
    }
  }

  /** The kubeconfig files kubectl would read given this environment, existing ones only. */
  public static List<Path> locate(Map<String, String> env) {
    String list = env.getOrDefault("KUBECONFIG", "");
    List<Path> candidates = new ArrayList<>();
    if (list.isBlank()) {
      candidates.add(
          Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".kube", "config"));
    } else {
      for (String entry : list.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          candidates.add(Path.of(entry.trim()));
        }
      }
    }
    return candidates.stream().filter(Files::isRegularFile).distinct().toList();
  }

  /** Loads the kubeconfig kubectl would use in this environment. */
  public static Kubeconfig load(Map<String, String> env) {
    return load(locate(env));
  }

  /**
   * Loads and merges {@code files} (in precedence order).
   *
   * @throws KubeException ({@link KubeProblem#KUBECONFIG}) naming a file that cannot be parsed
   */
  public static Kubeconfig load(List<Path> files) {
    Map<String, KubeContext> contexts = new LinkedHashMap<>();
    String current = null;
    for (io.fabric8.kubernetes.api.model.Config parsed : parse(files)) {
      if (current == null
          && parsed.getCurrentContext() != null
          && !parsed.getCurrentContext().isBlank()) {
        current = parsed.getCurrentContext();
      }
      if (parsed.getContexts() != null) {
        for (NamedContext c : parsed.getContexts()) {
          if (c.getContext() != null) {
            contexts.putIfAbsent(
                c.getName(),
                new KubeContext(
                    c.getName(),
                    c.getContext().getCluster(),
                    c.getContext().getUser(),
                    c.getContext().getNamespace()));
          }
        }
      }
    }
    return new Kubeconfig(List.copyOf(files), List.copyOf(contexts.values()), current);
  }

  private static List<io.fabric8.kubernetes.api.model.Config> parse(List<Path> files) {
    List<io.fabric8.kubernetes.api.model.Config> parsed = new ArrayList<>();
    for (Path file : files) {
      try {
        parsed.add(KubeConfigUtils.parseConfig(file.toFile()));
      } catch (RuntimeException e) {
        throw new KubeException(
            KubeProblem.KUBECONFIG, "The kubeconfig file " + file + " cannot be read as YAML.", e);
      }
    }
    return parsed;
  }

  /** The files merged, in precedence order (empty: no kubeconfig at all). */
  public List<Path> files() {
    return files;
  }

  /** Every context, in the order the files name them. */
  public List<KubeContext> contexts() {
    return contexts;
  }

  /** The current context, if a file sets one that exists. */
  public Optional<KubeContext> currentContext() {
    return context(currentContext);
  }

  /** The context named {@code name}, if any. */
  public Optional<KubeContext> context(String name) {
    return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * A fabric8 client configuration for {@code context}: its cluster, its credentials, its
   * namespace, plus KubeTTY's network settings (10 s connect timeout, one retry).
   *
   * @throws KubeException ({@link KubeProblem#KUBECONFIG}) if there is no such context
   */
  public Config clientConfig(String context) {
    if (context(context).isEmpty()) {
      throw new KubeException(
          KubeProblem.KUBECONFIG,
          "There is no context \"" + context + "\" in " + describeFiles() + ".");
    }
    Config config = Config.empty();
    KubeConfigUtils.merge(
        config, context, parse(files).toArray(io.fabric8.kubernetes.api.model.Config[]::new));
    config.setWebsocketPingInterval(WEBSOCKET_PING_MILLIS);
    config.setConnectionTimeout(10_000);
    config.setRequestRetryBackoffLimit(1);
    return config;
  }

  private String describeFiles() {
    return files.isEmpty() ? "the kubeconfig (no file found)" : files.toString();
  }
}
