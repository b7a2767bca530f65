package dev.kubetty.desktop.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.techsenger.jeditermfx.core.util.TermSize;
import dev.kubetty.desktop.kube.ExecTarget;
import dev.kubetty.desktop.kube.ShellOpener;
import dev.kubetty.desktop.tabs.TabAction;
import dev.kubetty.desktop.tabs.TabState;
import dev.kubetty.desktop.tabs.TabStatus;
import dev.kubetty.desktop.testing.ConnectorReader;
import dev.kubetty.testing.kube.FakePod;
import dev.kubetty.testing.kube.FakePod.FakeContainer;
import dev.kubetty.testing.kube.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exec tabs without a window: a real bash behind the mock API server, read as the emulator would.
 */
class ExecTabSessionTest {
  @TempDir Path dir;
  private MockCluster cluster;
  private ShellOpener opener;
  private final List<TabStatus> statuses = new CopyOnWriteArrayList<>();
  private ExecTabSession session;

  @BeforeEach
  void start() throws Exception {
    cluster = MockCluster.start();
    cluster
        .add(FakePod.running("team-a", "web-0", "app"))
        .add(FakePod.running("team-a", "pending-0", "app").withPhase("Pending"))
        .add(
            new FakePod(
                "team-a", "busybox-0", "Running", List.of(FakeContainer.withoutBash("tools"))));
    Path config =
        Files.writeString(dir.resolve("config"), cluster.kubeconfig("dev", "team-a", "t"));
    opener = new ShellOpener(Map.of("KUBECONFIG", config.toString(), "HOME", dir.toString()));
  }

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
    cluster.close();
  }

  private ConnectorReader open(String pod, String container) {
    session = new ExecTabSession(new ExecTarget("dev", "team-a", pod, container), opener);
    session.setStatusListener(statuses::add);
    ConnectorReader reader = new ConnectorReader(session.connector());
    session.start();
    return reader;
  }

  private void type(String text) throws Exception {
    session.connector().write(text);
  }

  private TabStatus await(Predicate<TabStatus> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (TabStatus s : statuses) {
        if (wanted.test(s)) {
          return s;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such status in " + statuses);
  }

  private long count(TabState state) {
    return statuses.stream().filter(s -> s.state() == state).count();
  }

  @Test
  void echoThenExitCodeThenOneKeyReconnectRunsANewExec() throws Exception {
    ConnectorReader screen = open("web-0", "app");
    await(s -> s.state() == TabState.LIVE);
    screen.await("[kubetty: bash in team-a/web-0 (container app)]");
    type("echo kube-$((6*7))\r");
    screen.await("kube-42");

    type("exit 3\r");
    TabStatus ended = await(s -> s.state() == TabState.ENDED);
    assertThat(ended.message()).startsWith("The shell exited with code 3.");
    assertThat(ended.action()).isEqualTo(TabAction.RECONNECT);
    screen.await("kubetty: the shell exited with code 3");

    type("x"); // not a reconnect key: nothing happens
    Thread.sleep(300);
    assertThat(cluster.execRequests()).hasSize(1);

    type("\r");
    await(s -> s.state() == TabState.LIVE && count(TabState.LIVE) == 2);
    assertThat(cluster.execRequests()).hasSize(2);
    type("echo again-$((1+1))\r");
    screen.await("again-2");
  }

  @Test
  void aResizeReachesSttySize() throws Exception {
    ConnectorReader screen = open("web-0", "app");
    await(s -> s.state() == TabState.LIVE);
    session.connector().resize(new TermSize(132, 43));
    Thread.sleep(200);
    type("stty size\r");
    screen.await("43 132");
  }

  @Test
  void withoutBashTheShellIsShAndTheTabSaysSo() throws Exception {
    ConnectorReader screen = open("busybox-0", "tools");
    await(s -> s.state() == TabState.LIVE);
    screen.await(
        "[kubetty: sh in team-a/busybox-0 (container tools) (bash not found in the image)]");
    type("echo from-$0\r");
    screen.await("from-sh");
  }

  @Test
  void theUsersShellListIsTriedInOrder() throws Exception {
    Path config =
        Files.writeString(dir.resolve("config-2"), cluster.kubeconfig("dev", "team-a", "t"));
    opener =
        new ShellOpener(
            Map.of(
                "KUBECONFIG",
                config.toString(),
                "HOME",
                dir.toString(),
                ShellOpener.SHELLS_VARIABLE,
                "no-such-shell, sh"));
    assertThat(opener.shells()).containsExactly("no-such-shell", "sh");
    assertThat(ShellOpener.parseShells(" ")).containsExactly("bash", "sh");
    assertThat(ShellOpener.parseShells("zsh bash,sh")).containsExactly("zsh", "bash", "sh");

    ConnectorReader screen = open("web-0", "app");

    screen.await(
        "[kubetty: sh in team-a/web-0 (container app) (no-such-shell not found in the image)]");
    assertThat(cluster.execRequests())
        .extracting(r -> r.command().getFirst())
        .containsExactly("no-such-shell", "sh");
  }

  @Test
  void aForbiddenExecSaysWhichRbacItNeedsAndOffersToRetry() throws Exception {
    cluster.denyExec("team-a", "web-0");
    ConnectorReader screen = open("web-0", "app");

    TabStatus failed = await(s -> s.state() == TabState.CLOSED);

    assertThat(failed.message())
        .contains("\"create\" and \"get\" on \"pods/exec\"")
        .doesNotContain("Exception");
    assertThat(failed.action()).isEqualTo(TabAction.RECONNECT);
    screen.await("\"create\" and \"get\" on \"pods/exec\" in namespace team-a");
    screen.await("Press Enter or R to try again.");
  }

  @Test
  void aPodThatIsGoneOrNotRunningIsSaidPlainly() throws Exception {
    ConnectorReader screen = open("gone-0", "app");
    TabStatus gone = await(s -> s.state() == TabState.CLOSED);
    assertThat(gone.message())
        .contains("There is no pod gone-0 in namespace team-a")
        .contains("may have been deleted");
    session.close();
    statuses.clear();

    ConnectorReader pending = open("pending-0", "app");
    TabStatus notRunning = await(s -> s.state() == TabState.CLOSED);
    assertThat(notRunning.message()).contains("pending-0 is Pending, not running");
    pending.await("Pending, not running");
    assertThat(screen.text()).contains("There is no pod gone-0");
  }
}
