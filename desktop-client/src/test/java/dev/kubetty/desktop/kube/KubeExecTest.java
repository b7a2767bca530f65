package dev.kubetty.desktop.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubetty.testing.kube.FakePod;
import dev.kubetty.testing.kube.FakePod.FakeContainer;
import dev.kubetty.testing.kube.MockCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shells in containers, with a real bash behind the mock API server's exec. */
class KubeExecTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path dir;
  private MockCluster cluster;
  private KubeCluster kube;

  @BeforeEach
  void start() throws Exception {
    cluster = MockCluster.start();
    cluster.add(FakePod.running("team-a", "web-0", "app"));
    cluster.add(
        new FakePod(
            "team-a",
            "busybox-0",
            "Running",
            List.of(FakeContainer.withoutBash("tools"), FakeContainer.full("sidecar"))));
    cluster.add(FakePod.running("team-a", "pending-0", "app").withPhase("Pending"));
    kube = connect(cluster.url(), "token-1");
  }

  @AfterEach
  void stop() {
    kube.close();
    cluster.close();
  }

  private KubeCluster connect(String server, String token) throws Exception {
    Path file = dir.resolve("config-" + System.nanoTime());
    Files.writeString(
        file, dev.kubetty.testing.kube.Kubeconfigs.single(server, "dev", "team-a", token));
    return KubeCluster.connect(Kubeconfig.load(List.of(file)), "dev");
  }

  private static ExecTarget target(String pod, String container) {
    return new ExecTarget("dev", "team-a", pod, container);
  }

  @Test
  void echoRunsInBashAndTheOutputArrives() throws Exception {
    try (ExecSession shell = kube.openShell(target("web-0", null), List.of(), 100, 30)) {
      OutputCollector out = new OutputCollector(shell.output());
      shell.write("echo kube-$((6*7))\r".getBytes(StandardCharsets.UTF_8));

      out.await("kube-42", WAIT);
      assertThat(shell.shell()).isEqualTo("bash");
      assertThat(shell.target().container()).isEqualTo("app");
      MockCluster.ExecRequest request = cluster.execRequests().getLast();
      assertThat(request.command()).containsExactly("bash");
      assertThat(request.tty()).isTrue();
    }
  }

  @Test
  void resizeReachesSttySize() throws Exception {
    try (ExecSession shell = kube.openShell(target("web-0", "app"), List.of("bash"), 80, 24)) {
      OutputCollector out = new OutputCollector(shell.output());
      shell.write("stty size\r".getBytes(StandardCharsets.UTF_8));
      out.await("24 80", WAIT);

      shell.resize(132, 43);
      Thread.sleep(200); // the resize frame and the input travel on one socket, in order anyway
      shell.write("stty size\r".getBytes(StandardCharsets.UTF_8));
      out.await("43 132", WAIT);
    }
  }

  @Test
  void anIdleShellSendsKeepaliveFramesThatChangeNothing() throws Exception {
    Path file = dir.resolve("keepalive");
    Files.writeString(
        file, dev.kubetty.testing.kube.Kubeconfigs.single(cluster.url(), "dev", "team-a", "t"));
    try (KubeCluster fast =
            KubeCluster.connect(Kubeconfig.load(List.of(file)), "dev", Duration.ofMillis(100));
        ExecSession shell = fast.openShell(target("web-0", "app"), List.of("bash"), 90, 20)) {
      OutputCollector out = new OutputCollector(shell.output());
      shell.write(
          "trap 'echo GOT-$((7*7))' WINCH; echo trap-$((1+1))\r".getBytes(StandardCharsets.UTF_8));
      out.await("trap-2", WAIT);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (cluster.resizes().stream().filter("90x20"::equals).count() < 5) {
        assertThat(System.nanoTime()).as("keepalive frames").isLessThan(deadline);
        Thread.sleep(50);
      }
      shell.write("stty size; echo done-$((2+2))\r".getBytes(StandardCharsets.UTF_8));
      assertThat(out.await("done-4", WAIT)).contains("20 90").doesNotContain("GOT-49");
    }
  }

  @Test
  void theExitCodeIsDelivered() throws Exception {
    try (ExecSession shell = kube.openShell(target("web-0", "app"), List.of("bash"), 80, 24)) {
      OutputCollector out = new OutputCollector(shell.output());
      shell.write("exit 3\r".getBytes(StandardCharsets.UTF_8));

      assertThat(shell.exitCode().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
      assertThat(shell.isOpen()).isFalse();
      Thread.sleep(100);
      assertThat(out.text()).contains("exit 3");
    }
  }

  @Test
  void losingTheClusterEndsTheSessionWithAPlainMessage() throws Exception {
    ExecSession shell = kube.openShell(target("web-0", "app"), List.of("bash"), 80, 24);
    OutputCollector out = new OutputCollector(shell.output());
    shell.write("echo up-$((2*5))\r".getBytes(StandardCharsets.UTF_8));
    out.await("up-10", WAIT);

    cluster.close();

    assertThatThrownBy(() -> shell.exitCode().get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .hasCauseInstanceOf(KubeException.class)
        .cause()
        .satisfies(
            e -> {
              assertThat(((KubeException) e).problem()).isEqualTo(KubeProblem.UNREACHABLE);
              assertThat(e.getMessage()).contains("connection to the cluster was lost");
            });
    assertThat(shell.isOpen()).isFalse();
    shell.close();
  }

  @Test
  void aContainerWithoutBashFallsBackToSh() throws Exception {
    try (ExecSession shell = kube.openShell(target("busybox-0", "tools"), List.of(), 80, 24)) {
      OutputCollector out = new OutputCollector(shell.output());
      shell.write("echo from-$0\r".getBytes(StandardCharsets.UTF_8));

      out.await("from-sh", WAIT);
      assertThat(shell.shell()).isEqualTo("sh");
      assertThat(cluster.execRequests())
          .extracting(r -> r.command().getFirst())
          .containsExactly("bash", "sh");
    }
  }

  /**
   * Closing a tab closes its session and then the cluster's client at once, before the server can
   * answer the close; the reader of the output must still see its end, or its thread (and the
   * client it holds) would never go away.
   */
  @Test
  void closingASessionEndsItsOutputForTheReader() throws Exception {
    KubeCluster own = connect(cluster.url(), "token-1");
    ExecSession shell = own.openShell(target("web-0", "app"), List.of("bash"), 80, 24);
    OutputCollector out = new OutputCollector(shell.output());
    shell.write("echo up-$((3*4))\r".getBytes(StandardCharsets.UTF_8));
    out.await("up-12", WAIT);

    shell.close();
    own.close();

    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!out.ended()) {
      assertThat(System.nanoTime()).as("the reader saw the end").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /**
   * Each open connects anew; the JSON mapper (and its reflection-built deserializers) is shared.
   */
  @Test
  void connectionsShareOneJsonMapper() throws Exception {
    try (KubeCluster other = connect(cluster.url(), "token-2")) {
      assertThat(other.client().getKubernetesSerialization())
          .isSameAs(kube.client().getKubernetesSerialization());
      assertThat(other.client()).isNotSameAs(kube.client());
    }
  }

  @Test
  void noShellAtAllIsSaidPlainly() {
    assertThatThrownBy(() -> kube.openShell(target("busybox-0", "tools"), List.of("bash"), 80, 24))
        .isInstanceOfSatisfying(
            KubeException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(KubeProblem.NO_SHELL);
              assertThat(e.getMessage()).contains("none of the shells tried (bash)");
            });
  }

  @Test
  void forbiddenExecExplainsTheRbacItNeeds() {
    cluster.denyExec("team-a", "web-0");

    assertThatThrownBy(() -> kube.openShell(target("web-0", null), List.of(), 80, 24))
        .isInstanceOfSatisfying(
            KubeException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(KubeProblem.NO_PERMISSION);
              assertThat(e.getMessage())
                  .contains("\"create\" and \"get\" on \"pods/exec\"")
                  .contains("namespace team-a");
            });
  }

  @Test
  void aPodThatIsNotRunningIsSaidPlainly() {
    assertThatThrownBy(() -> kube.openShell(target("pending-0", null), List.of(), 80, 24))
        .isInstanceOfSatisfying(
            KubeException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(KubeProblem.POD_NOT_RUNNING);
              assertThat(e.getMessage()).contains("pending-0 is Pending, not running");
            });
    assertThat(cluster.execRequests()).isEmpty();
  }

  @Test
  void rejectedCredentialsSayTheyExpired() {
    cluster.requireToken("token-2");

    assertThatThrownBy(() -> kube.pods("team-a"))
        .isInstanceOfSatisfying(
            KubeException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(KubeProblem.CREDENTIALS_EXPIRED);
              assertThat(e.getMessage()).contains("credentials of context dev");
            });
  }

  @Test
  void anUnreachableClusterIsSaidPlainly() throws Exception {
    String nowhere = MockCluster.unreachableUrl();
    try (KubeCluster gone = connect(nowhere, "token-1")) {
      assertThatThrownBy(() -> gone.pods("team-a"))
          .isInstanceOfSatisfying(
              KubeException.class,
              e -> {
                assertThat(e.problem()).isEqualTo(KubeProblem.UNREACHABLE);
                assertThat(e.getMessage()).contains("Cannot reach the cluster of context dev");
              });
    }
  }

  @Test
  void usersWhoMayNotListNamespacesGetTheirContextsNamespace() {
    cluster.forbidNamespaceList();

    assertThat(kube.namespaces()).containsExactly("team-a");
  }
}
