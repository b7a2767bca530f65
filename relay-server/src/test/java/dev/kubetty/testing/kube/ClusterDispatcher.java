package dev.kubetty.testing.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceListBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the slice of the Kubernetes API that KubeTTY uses, from the state of a {@link
 * MockCluster}: namespaces, pods (list, get, watch), {@code /version} and pod exec.
 */
final class ClusterDispatcher extends Dispatcher {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final MockCluster cluster;

  ClusterDispatcher(MockCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String token = cluster.requiredToken();
    if (token != null && !("Bearer " + token).equals(request.getHeader("Authorization"))) {
      return status(401, "Unauthorized", "Unauthorized");
    }
    String target = request.getPath();
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    Map<String, List<String>> query = parseQuery(q < 0 ? "" : target.substring(q + 1));
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    if (path.equals("/version")) {
      return json(200, "{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.0\"}");
    }
    if (parts.length < 3 || !parts[0].equals("api") || !parts[1].equals("v1")) {
      return status(404, "NotFound", "the server could not find the requested resource");
    }
    if (parts.length == 3 && parts[2].equals("namespaces")) {
      return namespaces();
    }
    if (parts.length >= 5 && parts[2].equals("namespaces") && parts[4].equals("pods")) {
      return pods(parts, query);
    }
    return status(404, "NotFound", "the server could not find the requested resource");
  }

  private MockResponse namespaces() {
    if (cluster.namespaceListForbidden()) {
      return status(
          403,
          "Forbidden",
          "namespaces is forbidden: User \"tester\" cannot list resource \"namespaces\" in API group"
              + " \"\" at the cluster scope");
    }
    NamespaceListBuilder list = new NamespaceListBuilder().withNewMetadata().endMetadata();
    for (String name : cluster.namespaces()) {
      list.addToItems(
          new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build());
    }
    return json(200, JSON.asJson(list.build()));
  }

  private MockResponse pods(String[] parts, Map<String, List<String>> query) {
    String namespace = parts[3];
    if (parts.length == 5) {
      if (query.containsKey("watch")) {
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {});
      }
      String only = fieldName(query);
      PodListBuilder list =
          new PodListBuilder().withNewMetadata().withResourceVersion("1").endMetadata();
      for (FakePod pod : cluster.pods()) {
        if (pod.namespace().equals(namespace) && (only == null || only.equals(pod.name()))) {
          list.addToItems(toPod(pod));
        }
      }
      return json(200, JSON.asJson(list.build()));
    }
    FakePod pod = cluster.pod(namespace, parts[5]);
    if (pod == null) {
      return status(404, "NotFound", "pods \"" + parts[5] + "\" not found");
    }
    if (parts.length == 6) {
      return json(200, JSON.asJson(toPod(pod)));
    }
    if (parts.length == 7 && parts[6].equals("exec")) {
      return exec(pod, query);
    }
    return status(404, "NotFound", "the server could not find the requested resource");
  }

  private MockResponse exec(FakePod pod, Map<String, List<String>> query) {
    String containerName = first(query, "container");
    List<String> command = query.getOrDefault("command", List.of());
    cluster.recordExec(
        new MockCluster.ExecRequest(
            pod.namespace(),
            pod.name(),
            containerName,
            command,
            "true".equals(first(query, "tty"))));
    if (cluster.execDenied(pod.namespace(), pod.name())) {
      return status(
          403,
          "Forbidden",
          "pods \""
              + pod.name()
              + "\" is forbidden: User \"tester\" cannot create resource \"pods/exec\" in API"
              + " group \"\" in the namespace \""
              + pod.namespace()
              + "\"");
    }
    FakePod.FakeContainer container = pod.container(containerName);
    if (container == null) {
      return status(400, "BadRequest", "container " + containerName + " is not valid for pod");
    }
    if (!pod.phase().equals("Running")) {
      return status(
          400,
          "BadRequest",
          "unable to upgrade connection: container not found (\"" + container.name() + "\")");
    }
    if (command.isEmpty()) {
      return status(400, "BadRequest", "you must specify at least 1 command");
    }
    return new MockResponse()
        .withWebSocketUpgrade(
            new PtyExecBridge(command, container, cluster.home(), cluster::recordResize));
  }

  private static Pod toPod(FakePod pod) {
    boolean running = pod.phase().equals("Running");
    PodBuilder builder =
        new PodBuilder()
            .withNewMetadata()
            .withName(pod.name())
            .withNamespace(pod.namespace())
            .withResourceVersion("1")
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .withNewStatus()
            .withPhase(pod.phase())
            .addNewCondition()
            .withType("Ready")
            .withStatus(running ? "True" : "False")
            .endCondition()
            .endStatus();
    for (FakePod.FakeContainer c : pod.containers()) {
      builder
          .editSpec()
          .addNewContainer()
          .withName(c.name())
          .withImage("example/" + c.name())
          .endContainer()
          .endSpec();
      builder
          .editStatus()
          .addNewContainerStatus()
          .withName(c.name())
          .withReady(running)
          .withRestartCount(0)
          .endContainerStatus()
          .endStatus();
    }
    return builder.build();
  }

  private static String fieldName(Map<String, List<String>> query) {
    String selector = first(query, "fieldSelector");
    return selector != null && selector.startsWith("metadata.name=")
        ? selector.substring("metadata.name=".length())
        : null;
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  private static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static MockResponse status(int code, String reason, String message) {
    return json(code, ExecStatus.httpError(code, reason, message));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }
}
