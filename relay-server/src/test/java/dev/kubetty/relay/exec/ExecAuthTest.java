package dev.kubetty.relay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.relay.auth.PasswordHasher;
import dev.kubetty.relay.auth.UserAdmin;
import dev.kubetty.relay.server.RelayRuntime;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.TestSocket;
import dev.kubetty.testing.kube.FakePod;
import dev.kubetty.testing.kube.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exec gateway behind AUTH_MODE=local: tickets belong to a user, logout closes the shell. */
class ExecAuthTest {
  static final String PASSWORD = "correct horse battery";
  static MockCluster cluster;
  static KubernetesClient serviceAccount;
  static RelayRuntime relay;
  static URI http;

  @BeforeAll
  static void start() throws Exception {
    cluster = MockCluster.start();
    cluster.add(FakePod.running("team-a", "web-0", "app"));
    serviceAccount = cluster.client();
    String secret =
        Base64.getEncoder()
            .encodeToString("an exec auth test secret, 32+ bytes".getBytes(StandardCharsets.UTF_8));
    relay =
        RelayFixture.startRuntime(
            Files.createTempDirectory("kubetty-exec-auth"),
            "exec-auth",
            Map.of(
                "AUTH_MODE", "local",
                "AUTH_JWT_SECRET", secret,
                "KUBETTY_EXEC_ALLOW", "team-a/*"),
            ClusterAccess.using(serviceAccount));
    UserAdmin users = new UserAdmin(relay.database().jdbi(), new PasswordHasher());
    users.create("alice", PASSWORD);
    users.create("bob", PASSWORD);
    http = relay.server().httpUri();
  }

  @AfterAll
  static void stop() {
    relay.close();
    serviceAccount.close();
    cluster.close();
  }

  private static String login(String user) throws Exception {
    ExecHttp.Answer answer =
        ExecHttp.post(http, "/api/auth/login", Map.of("username", user, "password", PASSWORD));
    assertThat(answer.status()).isEqualTo(200);
    return answer.body().get("accessToken").asText();
  }

  private static String ticketFor(String accessToken) throws Exception {
    ExecHttp.Answer answer =
        ExecHttp.post(
            http,
            "/api/exec/tickets",
            Map.of("namespace", "team-a", "pod", "web-0"),
            "Authorization",
            "Bearer " + accessToken);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    return answer.body().get("ticket").asText();
  }

  private static URI exec(String ticket) {
    return URI.create("ws://127.0.0.1:" + relay.server().port() + "/exec?ticket=" + ticket);
  }

  @Test
  void ticketsNeedALogin() throws Exception {
    ExecHttp.Answer answer =
        ExecHttp.post(http, "/api/exec/tickets", Map.of("namespace", "team-a", "pod", "web-0"));

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void anUpgradeNeedsTheLoginAndTheTicketsOwner() throws Exception {
    String alice = login("alice");
    String bob = login("bob");

    try (TestSocket anonymous = TestSocket.open(exec(ticketFor(alice)))) {
      anonymous.awaitRefused(401);
    }
    try (TestSocket someoneElse =
        TestSocket.open(exec(ticketFor(alice)), Map.of("Authorization", "Bearer " + bob))) {
      someoneElse.awaitRefused(403);
    }
    try (TestSocket owner =
        TestSocket.open(exec(ticketFor(alice)), Map.of("Authorization", "Bearer " + alice))) {
      owner.hello();
      owner.type("echo mine-$((4*4))\r");
      owner.readUntil("mine-16");
    }
  }

  @Test
  void loggingOutClosesTheShellWith4401() throws Exception {
    ExecHttp.Answer session =
        ExecHttp.post(http, "/api/auth/login", Map.of("username", "bob", "password", PASSWORD));
    String access = session.body().get("accessToken").asText();
    String refresh = session.body().get("refreshToken").asText();
    try (TestSocket socket =
        TestSocket.open(exec(ticketFor(access)), Map.of("Authorization", "Bearer " + access))) {
      socket.hello();
      socket.type("echo before-$((1+2))\r");
      socket.readUntil("before-3");

      ExecHttp.Answer logout =
          ExecHttp.post(http, "/api/auth/logout", Map.of("refreshToken", refresh));
      assertThat(logout.status()).isEqualTo(204);

      assertThat(socket.awaitClose(Duration.ofSeconds(8)).code()).isEqualTo(4401);
    }
  }

  @Test
  void aTicketInHelloNeedsTheLoginAtTheUpgradeAndTheTicketsOwner() throws Exception {
    String alice = login("alice");
    String bob = login("bob");
    URI ticketless = URI.create("ws://127.0.0.1:" + relay.server().port() + "/exec");

    try (TestSocket anonymous = TestSocket.open(ticketless)) {
      anonymous.awaitRefused(401);
    }
    try (TestSocket someoneElse =
        TestSocket.open(ticketless, Map.of("Authorization", "Bearer " + bob))) {
      someoneElse.send(new Hello(80, 24, null, false, null, ticketFor(alice)));
      TestSocket.Closed closed = someoneElse.awaitClose();
      assertThat(closed.code()).isEqualTo(4403);
      assertThat(closed.reason()).isEqualTo("exec ticket belongs to another user");
    }
    try (TestSocket owner =
        TestSocket.open(ticketless, Map.of("Authorization", "Bearer " + alice))) {
      owner.send(new Hello(80, 24, null, false, null, ticketFor(alice)));
      owner.awaitReady();
      owner.type("echo hello-ticket-$((5*5))\r");
      owner.readUntil("hello-ticket-25");
    }
  }
}
