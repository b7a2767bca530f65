package dev.kubetty.relay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.relay.testing.TestSocket;
import dev.kubetty.testing.kube.FakePod;
import dev.kubetty.testing.kube.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /exec} without {@code ?ticket=}: the ticket travels in the first frame ({@code
 * hello}), so it never appears in a URL. A real Jetty server runs the gateway with a clock the test
 * moves (for expiry); the cluster is the mock API with a real bash.
 */
class ExecTicketInHelloTest {
  private final MutableClock clock = new MutableClock();
  private MockCluster cluster;
  private KubernetesClient serviceAccount;
  private ExecGateway gateway;
  private Server server;
  private URI http;

  @BeforeEach
  void start() throws Exception {
    cluster = MockCluster.start();
    cluster.add(FakePod.running("team-a", "web-0", "app"));
    serviceAccount = cluster.client();
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    gateway =
        new ExecGateway(
            server,
            ExecConfig.fromEnvironment(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*")),
            ClusterAccess.using(serviceAccount),
            Duration.ofSeconds(30),
            true,
            clock);
    server.setHandler(gateway.handler());
    server.start();
    http = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    server.stop();
    serviceAccount.close();
    cluster.close();
  }

  private String ticket() throws Exception {
    ExecHttp.Answer answer =
        ExecHttp.post(http, "/api/exec/tickets", Map.of("namespace", "team-a", "pod", "web-0"));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    return answer.body().get("ticket").asText();
  }

  private TestSocket openWithoutTicket() {
    return TestSocket.open(URI.create("ws://" + http.getAuthority() + "/exec"));
  }

  private static Hello helloWith(String ticket) {
    return new Hello(90, 25, null, false, null, ticket);
  }

  @Test
  void aValidTicketInHelloOpensTheShell() throws Exception {
    try (TestSocket socket = openWithoutTicket()) {
      socket.send(helloWith(ticket()));
      assertThat(socket.awaitReady().offset()).isZero();
      socket.type("echo first-frame-$((6*7))\r");
      socket.readUntil("first-frame-42");
      socket.type("stty size\r");
      socket.readUntil("25 90");
      socket.type("exit 4\r");
      assertThat(socket.awaitExit()).isEqualTo(4);
      assertThat(socket.awaitClose().code()).isEqualTo(1000);
    }
  }

  @Test
  void aHelloWithoutATicketIsClosedWith4403() throws Exception {
    try (TestSocket socket = openWithoutTicket()) {
      socket.send(new Hello(80, 24, null, false, null));

      TestSocket.Closed closed = socket.awaitClose();
      assertThat(closed.code()).isEqualTo(4403);
      assertThat(closed.reason()).contains("exec ticket required");
    }
    assertThat(cluster.execRequests()).isEmpty();
  }

  @Test
  void anUnknownTicketIsClosedWith4403() throws Exception {
    try (TestSocket socket = openWithoutTicket()) {
      socket.send(helloWith("not-a-ticket"));

      TestSocket.Closed closed = socket.awaitClose();
      assertThat(closed.code()).isEqualTo(4403);
      assertThat(closed.reason()).isEqualTo("exec ticket unknown, already used or expired");
    }
  }

  @Test
  void aSpentTicketIsClosedWith4403() throws Exception {
    String ticket = ticket();
    try (TestSocket first = openWithoutTicket()) {
      first.send(helloWith(ticket));
      first.awaitReady();
      first.type("echo spent-$((2+2))\r");
      first.readUntil("spent-4");

      try (TestSocket second = openWithoutTicket()) {
        second.send(helloWith(ticket));
        TestSocket.Closed closed = second.awaitClose();
        assertThat(closed.code()).isEqualTo(4403);
        assertThat(closed.reason()).contains("already used");
      }
    }
  }

  @Test
  void anExpiredTicketIsClosedWith4403() throws Exception {
    String ticket = ticket();
    clock.advance(ExecTicketStore.TTL);

    try (TestSocket socket = openWithoutTicket()) {
      socket.send(helloWith(ticket));

      TestSocket.Closed closed = socket.awaitClose();
      assertThat(closed.code()).isEqualTo(4403);
      assertThat(closed.reason()).contains("expired");
    }
    assertThat(cluster.execRequests()).isEmpty();
  }

  @Test
  void aSocketThatSendsNothingIsClosedWith4403AfterFiveSeconds() {
    try (TestSocket socket = openWithoutTicket()) {
      long start = System.nanoTime();

      TestSocket.Closed closed = socket.awaitClose(Duration.ofSeconds(15));

      assertThat(closed.code()).isEqualTo(4403);
      assertThat(closed.reason()).isEqualTo("no exec ticket within 5 s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void inputBeforeTheTicketIsAProtocolError() {
    try (TestSocket socket = openWithoutTicket()) {
      socket.type("echo too early\r");

      assertThat(socket.awaitClose().code()).isEqualTo(4400);
    }
  }

  @Test
  void theQueryFormStillWorksAndATicketInBothPlacesIsAProtocolError() throws Exception {
    try (TestSocket socket =
        TestSocket.open(URI.create("ws://" + http.getAuthority() + "/exec?ticket=" + ticket()))) {
      socket.hello();
      socket.type("echo query-form-$((3*3))\r");
      socket.readUntil("query-form-9");
    }
    String twice = ticket();
    try (TestSocket socket =
        TestSocket.open(URI.create("ws://" + http.getAuthority() + "/exec?ticket=" + twice))) {
      socket.send(helloWith(twice));

      assertThat(socket.awaitClose().code()).isEqualTo(4400);
    }
  }

  @Test
  void theSettingsSayWhatTheGatewayAccepts() throws Exception {
    ExecHttp.Answer answer = ExecHttp.get(http, "/api/exec");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("serviceAccount").asBoolean()).isTrue();
    assertThat(answer.body().get("kubeconfig").asBoolean()).isFalse();
  }
}
