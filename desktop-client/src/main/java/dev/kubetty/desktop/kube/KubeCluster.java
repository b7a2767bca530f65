package dev.kubetty.desktop.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One kubeconfig context, connected: lists namespaces and pods and opens shells. Holds a fabric8
 * client (HTTP connection pool); close it when the user leaves the context.
 *
 * <p>Every method blocks on the network (call it off the UI thread) and throws {@link
 * KubeException} with a plain-language message. Thread-safe.
 */
public final class KubeCluster implements AutoCloseable {
  /** The shells tried when the user has no preference: bash, then sh. */
  public static final List<String> DEFAULT_SHELLS = List.of("bash", "sh");

  /**
   * One JSON mapper for every client: each tab's open connects a new client (fresh credentials),
   * and a mapper of its own would rebuild its deserializers by reflection every time (about half of
   * the CPU an open costs, and over a megabyte per open tab). Thread-safe.
   */
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final KubernetesClient client;
  private final String context;
  private final String defaultNamespace;
  private final Duration keepalive;

  KubeCluster(
      KubernetesClient client, String context, String defaultNamespace, Duration keepalive) {
    this.client = client;
    this.context = context;
    this.defaultNamespace = defaultNamespace;
    this.keepalive = keepalive;
  }

  /**
   * A client for {@code context} of {@code kubeconfig}. Does not touch the network yet.
   *
   * @throws KubeException if there is no such context
   */
  public static KubeCluster connect(Kubeconfig kubeconfig, String context) {
    return connect(kubeconfig, context, ExecKeepalive.INTERVAL);
  }

  /**
   * As {@link #connect(Kubeconfig, String)}, with idle shells kept alive every {@code keepalive}.
   */
  static KubeCluster connect(Kubeconfig kubeconfig, String context, Duration keepalive) {
    Config config = kubeconfig.clientConfig(context);
    String namespace = kubeconfig.context(context).orElseThrow().namespaceOrDefault();
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withKubernetesSerialization(SERIALIZATION)
            .build();
    return new KubeCluster(client, context, namespace, keepalive);
  }

  /** The fabric8 client (same package: tests). */
  KubernetesClient client() {
    return client;
  }

  /** The context's name. */
  public String context() {
    return context;
  }

  /** The API server's URL. */
  public String server() {
    return client.getConfiguration().getMasterUrl();
  }

  /** The context's namespace, or {@code default}. */
  public String defaultNamespace() {
    return defaultNamespace;
  }

  /**
   * The namespaces, sorted. Users who may not list namespaces (common) get their context's
   * namespace alone, as kubectl users type it.
   */
  public List<String> namespaces() {
    try {
      return listNamespaces();
    } catch (KubeException e) {
      if (e.problem() == KubeProblem.NO_PERMISSION) {
        return List.of(defaultNamespace);
      }
      throw e;
    }
  }

  /**
   * The namespaces, sorted; a user who may not list them gets a {@link KubeProblem#NO_PERMISSION}
   * exception (the picker then lets them type one).
   */
  public List<String> listNamespaces() {
    try {
      return client.namespaces().list().getItems().stream()
          .map(Namespace::getMetadata)
          .map(m -> m.getName())
          .sorted()
          .toList();
    } catch (RuntimeException e) {
      throw KubeErrors.read(e, context, server(), "list namespaces");
    }
  }

  /** The pods of {@code namespace}, sorted by name, with phase and containers. */
  public List<PodInfo> pods(String namespace) {
    try {
      return client.pods().inNamespace(namespace).list().getItems().stream()
          .map(KubeCluster::toInfo)
          .sorted(Comparator.comparing(PodInfo::name))
          .toList();
    } catch (RuntimeException e) {
      throw KubeErrors.read(e, context, server(), "list pods in namespace " + namespace);
    }
  }

  /** One pod, or a {@link KubeProblem#NOT_FOUND} exception. */
  public PodInfo pod(String namespace, String name) {
    Pod pod;
    try {
      pod = client.pods().inNamespace(namespace).withName(name).get();
    } catch (RuntimeException e) {
      throw KubeErrors.read(e, context, server(), "read pod " + name);
    }
    if (pod == null) {
      throw new KubeException(
          KubeProblem.NOT_FOUND, "There is no pod " + name + " in namespace " + namespace + ".");
    }
    return toInfo(pod);
  }

  /**
   * Opens a TTY shell in {@code target}: the first of {@code shells} that the container's image has
   * ({@link #DEFAULT_SHELLS} if empty), sized {@code cols}×{@code rows}.
   *
   * @throws KubeException {@link KubeProblem#POD_NOT_RUNNING}, {@link KubeProblem#NO_SHELL}, {@link
   *     KubeProblem#NO_PERMISSION}, {@link KubeProblem#NOT_FOUND}, …
   */
  public ExecSession openShell(ExecTarget target, List<String> shells, int cols, int rows) {
    if (!Objects.equals(target.context(), context)) {
      throw new IllegalArgumentException(
          "target of context " + target.context() + " given to " + context);
    }
    PodInfo pod = pod(target.namespace(), target.pod());
    if (!pod.running()) {
      throw new KubeException(
          KubeProblem.POD_NOT_RUNNING,
          "Pod "
              + pod.name()
              + " is "
              + pod.phase()
              + ", not running: a shell can only be opened in a running pod.");
    }
    String container = target.container() == null ? pod.defaultContainer() : target.container();
    if (!pod.containers().contains(container)) {
      throw new KubeException(
          KubeProblem.NOT_FOUND,
          "Pod "
              + pod.name()
              + " has no container "
              + container
              + " (it has "
              + pod.containers()
              + ").");
    }
    ExecTarget resolved = new ExecTarget(context, target.namespace(), target.pod(), container);
    return new ShellLauncher(client, resolved, server(), keepalive)
        .open(shells.isEmpty() ? DEFAULT_SHELLS : shells, cols, rows);
  }

  private static PodInfo toInfo(Pod pod) {
    List<String> containers =
        pod.getSpec() == null || pod.getSpec().getContainers() == null
            ? List.of()
            : pod.getSpec().getContainers().stream().map(Container::getName).toList();
    List<ContainerStatus> statuses =
        pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
            ? List.of()
            : pod.getStatus().getContainerStatuses();
    int ready = (int) statuses.stream().filter(s -> Boolean.TRUE.equals(s.getReady())).count();
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String annotated =
        annotations == null ? null : annotations.get("kubectl.kubernetes.io/default-container");
    String defaultContainer =
        annotated != null && containers.contains(annotated)
            ? annotated
            : containers.isEmpty() ? null : containers.getFirst();
    String phase = pod.getStatus() == null ? "Unknown" : pod.getStatus().getPhase();
    return new PodInfo(
        pod.getMetadata().getNamespace(),
        pod.getMetadata().getName(),
        phase == null ? "Unknown" : phase,
        ready,
        containers,
        defaultContainer);
  }

  @Override
  public void close() {
    client.close();
  }
}
