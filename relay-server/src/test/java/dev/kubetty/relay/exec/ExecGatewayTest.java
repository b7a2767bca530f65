package dev.kubetty.relay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage;
import dev.kubetty.protocol.client.RelayClient;
import dev.kubetty.protocol.client.RelayListener;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.TestSocket;
import dev.kubetty.testing.kube.FakePod;
import dev.kubetty.testing.kube.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exec gateway end to end: HTTP ticket, WebSocket, real bash behind the mock API server. */
class ExecGatewayTest {
  private MockCluster cluster;
  private KubernetesClient serviceAccount;
  private RelayServer relay;

  @BeforeEach
  void start() throws Exception {
    cluster = MockCluster.start();
    cluster.add(FakePod.running("team-a", "web-0", "app"));
    cluster.add(FakePod.running("team-a", "db-0", "postgres"));
    cluster.add(FakePod.running("team-a", "web-1", "app").withPhase("Pending"));
    serviceAccount = cluster.client();
  }

  @AfterEach
  void stop() {
    if (relay != null) {
      relay.close();
    }
    serviceAccount.close();
    cluster.close();
  }

  private void startRelay(Map<String, String> env) throws Exception {
    relay = RelayFixture.startWithExec(env, ClusterAccess.using(serviceAccount));
  }

  @Test
  void aPlainRequestForTheExecPathIsToldToUpgrade() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*"));

    ExecHttp.Answer plain = ExecHttp.get(relay.httpUri(), "/exec");

    assertThat(plain.status()).isEqualTo(426);
    assertThat(plain.body().get("error").asText()).isEqualTo("upgrade_required");
  }

  private String ticket(Map<String, Object> target) throws Exception {
    ExecHttp.Answer answer = ExecHttp.post(relay.httpUri(), "/api/exec/tickets", target);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    assertThat(answer.body().get("expiresIn").asInt()).isEqualTo(60);
    return answer.body().get("ticket").asText();
  }

  private URI execUri(String ticket) {
    return URI.create("ws://127.0.0.1:" + relay.port() + "/exec?ticket=" + ticket);
  }

  @Test
  void echoResizeAndExitCodeThroughTheJavaClient() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/web-*"));
    String ticket =
        ticket(
            Map.of(
                "namespace",
                "team-a",
                "pod",
                "web-0",
                "container",
                "app",
                "command",
                List.of("bash")));
    StringBuffer output = new StringBuffer();
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    RelayListener listener =
        new RelayListener() {
          @Override
          public void onOutput(long offset, byte[] data) {
            output.append(new String(data, StandardCharsets.UTF_8));
          }

          @Override
          public void onExit(int code) {
            exit.complete(code);
          }

          @Override
          public void onClosed(int code, String reason) {
            closed.complete(code);
          }
        };
    try (RelayClient client =
        RelayClient.builder(execUri(ticket)).size(100, 30).listener(listener).build()) {
      client.connect();
      client.send("echo gate-$((6*7))\r".getBytes(StandardCharsets.UTF_8));
      await(output, "gate-42");
      client.send("stty size\r".getBytes(StandardCharsets.UTF_8));
      await(output, "30 100");
      client.resize(132, 43);
      client.send("stty size\r".getBytes(StandardCharsets.UTF_8));
      await(output, "43 132");
      client.send("exit 7\r".getBytes(StandardCharsets.UTF_8));

      assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(7);
      assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }
    MockCluster.ExecRequest request = cluster.execRequests().getLast();
    assertThat(request.command()).containsExactly("bash");
    assertThat(request.container()).isEqualTo("app");
    assertThat(request.tty()).isTrue();
  }

  @Test
  void anIdleExecGetsKeepaliveFrames() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*", "KUBETTY_PING_INTERVAL", "100ms"));
    String ticket = ticket(Map.of("namespace", "team-a", "pod", "web-0"));
    try (TestSocket socket = TestSocket.open(execUri(ticket))) {
      socket.hello(91, 21, null, false, null);
      socket.type("echo idle-$((5+5))\r");
      socket.readUntil("idle-10");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (cluster.resizes().stream().filter("91x21"::equals).count() < 5) {
        assertThat(System.nanoTime()).as("keepalive frames").isLessThan(deadline);
        Thread.sleep(50);
      }
    }
  }

  @Test
  void losingTheApiServerIsReportedAndTheSocketCloses() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*"));
    String ticket = ticket(Map.of("namespace", "team-a", "pod", "web-0"));
    try (TestSocket socket = TestSocket.open(execUri(ticket))) {
      socket.hello();
      socket.type("echo up-$((2*5))\r");
      socket.readUntil("up-10");

      cluster.close();

      TestSocket.Event event;
      do {
        event = socket.next();
      } while (event instanceof TestSocket.Binary);
      ControlMessage.ErrorReply error =
          (ControlMessage.ErrorReply) ((TestSocket.Text) event).message();
      assertThat(error.code()).isEqualTo("connection_lost");
      assertThat(socket.awaitClose().code()).isEqualTo(1000);
    }
  }

  @Test
  void aTicketRequestThatIsTooLargeOrNotAnObjectIsAnsweredLikeEveryJsonEndpoint() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*"));
    ExecHttp.Answer huge =
        ExecHttp.post(
            relay.httpUri(),
            "/api/exec/tickets",
            "{\"namespace\":\"team-a\",\"pod\":\"" + "x".repeat(300_000) + "\"}");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.body().path("error").asText()).isEqualTo("too_large");

    ExecHttp.Answer array = ExecHttp.post(relay.httpUri(), "/api/exec/tickets", "[1,2]");
    assertThat(array.status()).isEqualTo(400);
    assertThat(array.body().path("error").asText()).isEqualTo("bad_request");
  }

  @Test
  void aTicketWorksOnce() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*"));
    String ticket = ticket(Map.of("namespace", "team-a", "pod", "web-0"));
    try (TestSocket first = TestSocket.open(execUri(ticket))) {
      first.hello();
      first.type("echo once-$((1+1))\r");
      first.readUntil("once-2");

      try (TestSocket second = TestSocket.open(execUri(ticket))) {
        second.awaitRefused(403);
      }
    }
    try (TestSocket unknown = TestSocket.open(execUri("not-a-ticket"))) {
      unknown.awaitRefused(403);
    }
  }

  @Test
  void withoutCommandBashIsPreferred() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*"));
    String ticket = ticket(Map.of("namespace", "team-a", "pod", "db-0"));
    try (TestSocket socket = TestSocket.open(execUri(ticket))) {
      socket.hello();
      // "[5bash]" appears only if the shell is bash (the echoed command line shows the code).
      socket.type("echo \"[$((2+3))${BASH_VERSION:+bash}]\"\r");
      socket.readUntil("[5bash]");
    }
    assertThat(cluster.execRequests().getLast().command()).isEqualTo(ExecTarget.DEFAULT_SHELL);
  }

  @Test
  void forbiddenExecTellsTheRbacItNeeds() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*"));
    cluster.denyExec("team-a", "web-0");
    String ticket = ticket(Map.of("namespace", "team-a", "pod", "web-0"));
    try (TestSocket socket = TestSocket.open(execUri(ticket))) {
      socket.hello();
      TestSocket.Event event = socket.next();
      assertThat(event).isInstanceOf(TestSocket.Text.class);
      ControlMessage.ErrorReply error =
          (ControlMessage.ErrorReply) ((TestSocket.Text) event).message();
      assertThat(error.code()).isEqualTo("exec_forbidden");
      assertThat(error.message()).contains("\"create\" and \"get\" on \"pods/exec\"");
      assertThat(socket.awaitClose().code()).isEqualTo(1000);
    }
  }

  @Test
  void aContainerWithoutAnyShellIsSaidPlainly() throws Exception {
    cluster.add(
        new FakePod(
            "team-a",
            "distroless-0",
            "Running",
            List.of(new FakePod.FakeContainer("app", java.util.Set.of("bash", "sh")))));
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*"));
    String ticket = ticket(Map.of("namespace", "team-a", "pod", "distroless-0"));
    try (TestSocket socket = TestSocket.open(execUri(ticket))) {
      socket.hello();
      ControlMessage.ErrorReply error =
          (ControlMessage.ErrorReply) ((TestSocket.Text) socket.next()).message();
      assertThat(error.code()).isEqualTo("no_shell");
      assertThat(error.message())
          .isEqualTo("The pod distroless-0 has no shell: neither bash nor sh is in its image.");
      assertThat(socket.awaitClose().code()).isEqualTo(1000);
    }
  }

  @Test
  void aPodThatIsNotRunningIsSaidPlainly() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*"));
    String ticket = ticket(Map.of("namespace", "team-a", "pod", "web-1"));
    try (TestSocket socket = TestSocket.open(execUri(ticket))) {
      socket.hello();
      ControlMessage.ErrorReply error =
          (ControlMessage.ErrorReply) ((TestSocket.Text) socket.next()).message();
      assertThat(error.code()).isEqualTo("pod_not_running");
      assertThat(error.message()).contains("web-1 is Pending");
    }
  }

  @Test
  void theAllowListLimitsTheServiceAccount() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/web-*"));

    ExecHttp.Answer answer =
        ExecHttp.post(
            relay.httpUri(), "/api/exec/tickets", Map.of("namespace", "team-a", "pod", "db-0"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body().get("error").asText()).isEqualTo("exec_not_allowed");
    assertThat(answer.body().get("message").asText())
        .contains("team-a/db-0 is not in the relay's exec allow-list");
  }

  @Test
  void offByDefaultWithAClearMessage() throws Exception {
    startRelay(Map.of());

    ExecHttp.Answer post =
        ExecHttp.post(
            relay.httpUri(), "/api/exec/tickets", Map.of("namespace", "team-a", "pod", "web-0"));
    ExecHttp.Answer get = ExecHttp.get(relay.httpUri(), "/exec?ticket=x");

    assertThat(post.status()).isEqualTo(404);
    assertThat(post.body().get("error").asText()).isEqualTo("exec_disabled");
    assertThat(post.body().get("message").asText()).contains("KUBETTY_EXEC_ALLOW");
    assertThat(get.status()).isEqualTo(404);
  }

  @Test
  void badRequestsAreRefused() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*"));

    assertThat(ExecHttp.post(relay.httpUri(), "/api/exec/tickets", "[1,2").status()).isEqualTo(400);
    ExecHttp.Answer noPod =
        ExecHttp.post(relay.httpUri(), "/api/exec/tickets", Map.of("namespace", "team-a"));
    assertThat(noPod.status()).isEqualTo(400);
    assertThat(noPod.body().get("message").asText()).contains("'pod' is required");
    ExecHttp.Answer badName =
        ExecHttp.post(
            relay.httpUri(), "/api/exec/tickets", Map.of("namespace", "team-a", "pod", "../etc"));
    assertThat(badName.status()).isEqualTo(400);
  }

  @Test
  void aCallersKubeconfigIsUsedForTheirExec() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_KUBECONFIG", "on"));
    cluster.requireToken("callers-token");
    String kubeconfig = cluster.kubeconfig("mine", "team-a", "callers-token");

    ExecHttp.Answer answer =
        ExecHttp.post(
            relay.httpUri(),
            "/api/exec/tickets",
            Map.of(
                "namespace",
                "team-a",
                "pod",
                "db-0",
                "kubeconfig",
                kubeconfig,
                "command",
                List.of("sh")));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    try (TestSocket socket = TestSocket.open(execUri(answer.body().get("ticket").asText()))) {
      socket.hello();
      socket.type("echo as-caller-$((3*3)); exit 0\r");
      socket.readUntil("as-caller-9");
      assertThat(socket.awaitExit()).isEqualTo(0);
    }
  }

  @Test
  void aKubeconfigThatWouldRunProgramsOnTheRelayIsRefused() throws Exception {
    startRelay(Map.of("KUBETTY_EXEC_KUBECONFIG", "on"));
    String kubeconfig =
        "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
            + "clusters:\n- name: c\n  cluster:\n    server: "
            + cluster.url()
            + "\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\n"
            + "users:\n- name: u\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
            + "      command: /bin/touch\n      args: [/tmp/pwned]\n";

    ExecHttp.Answer answer =
        ExecHttp.post(
            relay.httpUri(),
            "/api/exec/tickets",
            Map.of("namespace", "team-a", "pod", "db-0", "kubeconfig", kubeconfig));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("error").asText()).isEqualTo("bad_kubeconfig");
    assertThat(answer.body().get("message").asText()).contains("exec credential plugin");
  }

  private static void await(StringBuffer output, String needle) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (output.indexOf(needle) < 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + needle + "' in: " + output);
      }
      Thread.sleep(20);
    }
  }
}
