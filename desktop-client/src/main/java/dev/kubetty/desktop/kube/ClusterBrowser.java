package dev.kubetty.desktop.kube;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the pod picker reads: the user's kubeconfig and, per context, its namespaces and pods. The
 * kubeconfig is read at the first call; one {@link KubeCluster} per context stays open until {@link
 * #close()}. Open one per picker, so edits to the kubeconfig (a fresh login) are seen next time.
 *
 * <p>Every method may block on the file system or the network: call it off the UI thread. Failures
 * are {@link KubeException}s with a plain message. Thread-safe.
 */
public final class ClusterBrowser implements AutoCloseable {
  /**
   * The namespaces to offer for a context.
   *
   * @param names sorted names; when not {@code listed}, just the context's own namespace
   * @param listed whether the cluster let the user list them (if not, the user types one)
   */
  public record Namespaces(List<String> names, boolean listed) {}

  private final Map<String, String> env;
  private final Map<String, KubeCluster> clusters = new ConcurrentHashMap<>();
  private Kubeconfig kubeconfig;
  private boolean closed;

  /** A browser over the kubeconfig kubectl would read with {@code env}. */
  public ClusterBrowser(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * The merged kubeconfig, read once.
   *
   * @throws KubeException ({@link KubeProblem#KUBECONFIG}) naming a file that cannot be read
   */
  public synchronized Kubeconfig kubeconfig() {
    if (kubeconfig == null) {
      kubeconfig = Kubeconfig.load(env);
    }
    return kubeconfig;
  }

  /** The namespaces of {@code context}, or its own namespace alone if it may not list them. */
  public Namespaces namespaces(String context) {
    KubeCluster cluster = cluster(context);
    try {
      return new Namespaces(cluster.listNamespaces(), true);
    } catch (KubeException e) {
      if (e.problem() == KubeProblem.NO_PERMISSION) {
        return new Namespaces(List.of(cluster.defaultNamespace()), false);
      }
      throw e;
    }
  }

  /** The pods of {@code namespace} in {@code context}, sorted by name. */
  public List<PodInfo> pods(String context, String namespace) {
    return cluster(context).pods(namespace);
  }

  private KubeCluster cluster(String context) {
    Kubeconfig config = kubeconfig();
    synchronized (this) {
      if (closed) {
        throw new KubeException(KubeProblem.FAILED, "The picker was closed.");
      }
      return clusters.computeIfAbsent(context, c -> KubeCluster.connect(config, c));
    }
  }

  /** Closes every cluster connection; later calls fail. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    clusters.values().forEach(KubeCluster::close);
    clusters.clear();
  }
}
