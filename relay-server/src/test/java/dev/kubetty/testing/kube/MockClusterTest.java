package dev.kubetty.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mock cluster itself, driven by a plain fabric8 client. */
class MockClusterTest {
  private MockCluster cluster;
  private KubernetesClient client;

  @BeforeEach
  void start() throws Exception {
    cluster = MockCluster.start();
    cluster.add(FakePod.running("team-a", "web-0", "app"));
    client = cluster.client();
  }

  @AfterEach
  void stop() {
    client.close();
    cluster.close();
  }

  @Test
  void execRunsARealShellAndReportsItsExitCode() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExecWatch watch =
        client
            .pods()
            .inNamespace("team-a")
            .withName("web-0")
            .inContainer("app")
            .writingOutput(out)
            .withTTY()
            .exec("sh", "-c", "echo hello-$((40+2)); exit 7")) {
      assertThat(watch.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(7);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("hello-42");
    assertThat(cluster.execRequests().getFirst().command())
        .containsExactly("sh", "-c", "echo hello-$((40+2)); exit 7");
  }

  @Test
  void deniedExecIs403() {
    cluster.denyExec("team-a", "web-0");
    assertThatThrownBy(
            () ->
                client
                    .pods()
                    .inNamespace("team-a")
                    .withName("web-0")
                    .redirectingOutput()
                    .withTTY()
                    .exec("bash"))
        .satisfies(e -> assertThat(httpCode(e)).isEqualTo(403));
  }

  private static int httpCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getCode() > 0) {
        return k.getCode();
      }
      if (t instanceof WebSocketHandshakeException h) {
        return h.getResponse().code();
      }
    }
    return -1;
  }

  @Test
  void podsAndNamespacesAreListed() {
    cluster.addNamespace("empty");
    assertThat(client.namespaces().list().getItems())
        .extracting(n -> n.getMetadata().getName())
        .containsExactly("empty", "team-a");
    assertThat(client.pods().inNamespace("team-a").list().getItems())
        .extracting(p -> p.getStatus().getPhase())
        .containsExactly("Running");
  }
}
