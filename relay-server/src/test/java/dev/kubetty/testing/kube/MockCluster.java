package dev.kubetty.testing.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Kubernetes API on 127.0.0.1 (fabric8's {@code kubernetes-server-mock} with a dispatcher of
 * ours) whose pod exec runs a <b>real</b> process on a real PTY: bash answers, {@code stty size}
 * sees resizes, exit codes come back as the kubelet sends them.
 *
 * <p>It can also act out what goes wrong in real clusters: exec forbidden by RBAC ({@link
 * #denyExec}, 403), a pod that is not running ({@link FakePod#withPhase}), an image without bash
 * ({@link FakePod.FakeContainer#withoutBash}), credentials the API rejects ({@link #requireToken},
 * 401), a namespace list the user may not read ({@link #forbidNamespaceList}), and a cluster that
 * cannot be reached ({@link #unreachableUrl()}).
 *
 * <p>Thread-safe: the state may change while clients talk to it. Exec processes run in an empty
 * temporary home so the machine's dotfiles never run.
 */
public final class MockCluster implements AutoCloseable {
  /**
   * One exec request as the API server received it.
   *
   * @param container {@code null} if the client named none
   * @param command the command's argv
   */
  public record ExecRequest(
      String namespace, String pod, String container, List<String> command, boolean tty) {}

  private final List<FakePod> pods = new CopyOnWriteArrayList<>();
  private final Set<String> extraNamespaces = ConcurrentHashMap.newKeySet();
  private final Set<String> deniedExec = ConcurrentHashMap.newKeySet();
  private final List<ExecRequest> execRequests = new CopyOnWriteArrayList<>();
  private final List<String> resizes = new CopyOnWriteArrayList<>();
  private final Path home;
  private final KubernetesMockServer server;
  private volatile String requiredToken;
  private volatile boolean namespaceListForbidden;

  private MockCluster() throws IOException {
    this.home = Files.createTempDirectory("kubetty-mock-pod-home-");
    home.toFile().deleteOnExit();
    this.server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new ClusterDispatcher(this),
            false);
  }

  /** Starts an empty cluster on 127.0.0.1, a free port. */
  public static MockCluster start() throws IOException {
    MockCluster cluster = new MockCluster();
    cluster.server.init(InetAddress.getByName("127.0.0.1"), 0);
    return cluster;
  }

  /** {@code http://127.0.0.1:PORT}, the API server's URL for a kubeconfig. */
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /**
   * A URL on 127.0.0.1 where nothing listens (a port that was free a moment ago): a cluster that
   * cannot be reached.
   */
  public static String unreachableUrl() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client for this cluster as a service account would have (no kubeconfig). */
  public KubernetesClient client() {
    return server.createClient();
  }

  /** Adds (or replaces) a pod; its namespace exists from then on. */
  public MockCluster add(FakePod pod) {
    pods.removeIf(p -> p.namespace().equals(pod.namespace()) && p.name().equals(pod.name()));
    pods.add(pod);
    return this;
  }

  /** Adds an empty namespace. */
  public MockCluster addNamespace(String name) {
    extraNamespaces.add(name);
    return this;
  }

  /** From now on exec into this pod is forbidden (HTTP 403), as RBAC without {@code pods/exec}. */
  public MockCluster denyExec(String namespace, String pod) {
    deniedExec.add(namespace + "/" + pod);
    return this;
  }

  /** From now on every request without {@code Authorization: Bearer token} gets HTTP 401. */
  public MockCluster requireToken(String token) {
    this.requiredToken = token;
    return this;
  }

  /** From now on listing namespaces is forbidden (HTTP 403), as for most namespaced users. */
  public MockCluster forbidNamespaceList() {
    this.namespaceListForbidden = true;
    return this;
  }

  /** Every exec request received so far, in order. */
  public List<ExecRequest> execRequests() {
    return List.copyOf(execRequests);
  }

  /** Every resize frame (channel 4) received on any exec so far, as {@code COLSxROWS}. */
  public List<String> resizes() {
    return List.copyOf(resizes);
  }

  /**
   * A one-context kubeconfig for this cluster: context {@code context}, cluster and user named
   * after it, default namespace {@code namespace}, bearer {@code token}.
   */
  public String kubeconfig(String context, String namespace, String token) {
    return Kubeconfigs.single(url(), context, namespace, token);
  }

  @Override
  public void close() {
    server.destroy();
  }

  // ---- state for the dispatcher ----

  String requiredToken() {
    return requiredToken;
  }

  boolean namespaceListForbidden() {
    return namespaceListForbidden;
  }

  Set<String> namespaces() {
    Set<String> names = new TreeSet<>(extraNamespaces);
    pods.forEach(p -> names.add(p.namespace()));
    return names;
  }

  List<FakePod> pods() {
    return new ArrayList<>(pods);
  }

  FakePod pod(String namespace, String name) {
    return pods.stream()
        .filter(p -> p.namespace().equals(namespace) && p.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  boolean execDenied(String namespace, String pod) {
    return deniedExec.contains(namespace + "/" + pod);
  }

  void recordExec(ExecRequest request) {
    execRequests.add(request);
  }

  void recordResize(String size) {
    resizes.add(size);
  }

  Path home() {
    return home;
  }
}
