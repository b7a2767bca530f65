package dev.kubetty.relay.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubetty.relay.auth.PasswordHasher;
import dev.kubetty.relay.auth.UserAdmin;
import dev.kubetty.relay.exec.ClusterAccess;
import dev.kubetty.relay.server.RelayRuntime;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.testing.kube.FakePod;
import dev.kubetty.testing.kube.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exec terminal of the browser page in a real Chromium: a real relay (AUTH_MODE=local, embedded
 * PostgreSQL) whose exec gateway reaches a mock Kubernetes API where a real bash on a real PTY
 * answers the exec. Scenarios live in {@code src/test/web/exec-scenarios.mjs}; screenshots of the
 * form, a live shell, the ended state and the RBAC error go to {@code target/browser-artifacts}.
 */
@Tag("browser")
class BrowserExecTest {
  private static final String SECRET =
      Base64.getEncoder()
          .encodeToString("browser exec tests' JWT secret, 32+ bytes".getBytes(UTF_8));
  private static final String USER = "alice";
  private static final String PASSWORD = "browser exec password";
  private static final String CALLERS_TOKEN = "callers-own-token";

  @TempDir static Path data;
  private static MockCluster cluster;
  private static MockCluster callersCluster;
  private static KubernetesClient serviceAccount;
  private static RelayRuntime relay;
  private static BrowserSuite browser;
  private static URI page;

  @BeforeAll
  static void start() throws IOException {
    cluster = MockCluster.start();
    cluster.add(FakePod.running("team-a", "web-0", "app"));
    cluster.add(FakePod.running("team-a", "locked-0", "app"));
    cluster.denyExec("team-a", "locked-0");
    cluster.add(
        new FakePod(
            "team-a",
            "distroless-0",
            "Running",
            List.of(new FakePod.FakeContainer("app", Set.of("bash", "sh")))));
    serviceAccount = cluster.client();
    // A second cluster only a caller's kubeconfig (with its token) opens.
    callersCluster = MockCluster.start();
    callersCluster.add(FakePod.running("team-b", "api-0", "api"));
    callersCluster.requireToken(CALLERS_TOKEN);
    relay =
        RelayFixture.startRuntime(
            data,
            "browser-exec",
            Map.of(
                "AUTH_MODE", "local",
                "AUTH_JWT_SECRET", SECRET,
                "KUBETTY_EXEC_ALLOW", "team-a/*",
                "KUBETTY_EXEC_KUBECONFIG", "on"),
            ClusterAccess.using(serviceAccount));
    new UserAdmin(relay.database().jdbi(), new PasswordHasher()).create(USER, PASSWORD);
    page = relay.server().httpUri().resolve("/");
    browser = BrowserSuite.start(USER, PASSWORD);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (relay != null) {
      relay.close();
    }
    if (serviceAccount != null) {
      serviceAccount.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (callersCluster != null) {
      callersCluster.close();
    }
  }

  @Test
  void theFormOpensAShellThatRunsResizesExitsAndReconnects() throws IOException {
    int execsBefore = cluster.execRequests().size();

    JsonNode seen = browser.run("execForm", page);

    assertThat(seen.get("kubeconfigField").asBoolean()).isTrue();
    assertThat(seen.get("address").asText()).isEqualTo("/?exec=team-a/web-0/app");
    JsonNode before = seen.get("before");
    JsonNode after = seen.get("after");
    assertThat(before.get("stty").asText())
        .isEqualTo(before.get("rows").asInt() + " " + before.get("cols").asInt());
    assertThat(after.get("stty").asText())
        .isEqualTo(after.get("rows").asInt() + " " + after.get("cols").asInt());
    assertThat(after.get("cols").asInt()).isGreaterThan(before.get("cols").asInt());
    JsonNode ended = seen.get("ended");
    assertThat(ended.get("code").asInt()).isEqualTo(3);
    assertThat(ended.get("banner").asText()).isEqualTo("The shell exited with code 3.");
    assertThat(ended.get("status").asText()).isEqualTo("exited (3)");
    assertThat(ended.get("mark").asText()).isEqualTo("[kubetty: shell exited with code 3]");
    // Reconnect is a new exec: another shell process, another exec request.
    assertThat(seen.get("secondPid").asText()).isNotEqualTo(seen.get("firstPid").asText());
    assertThat(seen.get("bannerHidden").asBoolean()).isTrue();
    assertThat(cluster.execRequests()).hasSize(execsBefore + 2);
    assertThat(cluster.execRequests().getLast().container()).isEqualTo("app");
    // Tickets travel in the first frame, never in a URL.
    assertThat(seen.get("execSockets")).hasSize(2);
    seen.get("execSockets")
        .forEach(url -> assertThat(url.asText()).endsWith("/exec").doesNotContain("ticket"));
    assertThat(BrowserSuite.ARTIFACTS.resolve("exec-ended.png")).isNotEmptyFile();
  }

  @Test
  void theAddressOpensTheExecTerminalDirectly() throws IOException {
    JsonNode seen = browser.run("execAddress", page);

    assertThat(seen.get("session").asText()).isEqualTo("team-a/web-0/app");
    assertThat(seen.get("title").asText()).isEqualTo("team-a/web-0/app · KubeTTY");
    assertThat(seen.get("logsHidden").asBoolean()).isTrue();
    assertThat(seen.get("status").asText()).isEqualTo("live");
    // The second page's address asked for "bash --norc": the scenario saw bash's default prompt.
    assertThat(cluster.execRequests().getLast().command()).containsExactly("bash", "--norc");
  }

  @Test
  void execForbiddenByRbacSaysWhichVerbsAreNeeded() throws IOException {
    JsonNode seen =
        browser.run(
            "execFailure",
            page,
            Map.of("target", "team-a/locked-0", "shot", "exec-forbidden.png"),
            Map.of());

    assertThat(seen.get("state").asText()).isEqualTo("failed");
    assertThat(seen.get("title").asText()).isEqualTo("No permission to open a shell");
    assertThat(seen.get("text").asText())
        .contains("locked-0")
        .contains("\"create\" and \"get\" on \"pods/exec\"");
    assertThat(seen.get("buttons")).extracting(JsonNode::asText).contains("Try again");
  }

  @Test
  void aContainerWithoutAShellIsSaidPlainly() throws IOException {
    JsonNode seen =
        browser.run(
            "execFailure",
            page,
            Map.of("target", "team-a/distroless-0", "shot", "exec-no-shell.png"),
            Map.of());

    assertThat(seen.get("title").asText()).isEqualTo("No shell in the container");
    assertThat(seen.get("text").asText())
        .isEqualTo("The pod distroless-0 has no shell: neither bash nor sh is in its image.");
  }

  @Test
  void aPodOutsideTheAllowListShowsTheFormWithTheRelaysReason() throws IOException {
    JsonNode seen = browser.run("execNotAllowed", page);

    assertThat(seen.get("error").asText()).contains("team-z/web-0 is not in the relay's exec");
    assertThat(seen.get("namespace").asText()).isEqualTo("team-z");
    assertThat(seen.get("pod").asText()).isEqualTo("web-0");
  }

  @Test
  void aKubeconfigLoadedFromAFileOpensAShellWithTheCallersCredentials() throws IOException {
    String kubeconfig = callersCluster.kubeconfig("mine", "team-b", CALLERS_TOKEN);

    JsonNode seen = browser.run("execKubeconfig", page, Map.of("kubeconfig", kubeconfig), Map.of());

    assertThat(seen.get("fileName").asText()).isEqualTo("mine.yaml");
    assertThat(callersCluster.execRequests()).hasSize(1);
    assertThat(seen.get("address").asText()).endsWith("/?exec=team-b/api-0");
    assertThat(seen.get("stored").asText()).doesNotContain(CALLERS_TOKEN);
  }
}
