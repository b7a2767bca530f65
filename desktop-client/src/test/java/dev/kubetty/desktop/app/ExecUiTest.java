package dev.kubetty.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.desktop.kube.ExecTarget;
import dev.kubetty.desktop.kube.RecentTargets;
import dev.kubetty.desktop.kube.picker.PickerRow;
import dev.kubetty.desktop.kube.picker.PodPicker;
import dev.kubetty.desktop.tabs.TabState;
import dev.kubetty.desktop.tabs.TerminalTabModel;
import dev.kubetty.desktop.terminal.TerminalPane;
import dev.kubetty.desktop.testing.Screens;
import dev.kubetty.testing.kube.FakePod;
import dev.kubetty.testing.kube.FakePod.FakeContainer;
import dev.kubetty.testing.kube.Kubeconfigs;
import dev.kubetty.testing.kube.MockCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exec into pods from the real app in a real window (Xvfb), against a mock API server whose exec
 * runs a real bash on a real PTY: the picker by keyboard, the exec tab, exit code and one-key
 * reconnect, sh fallback, RBAC refusal, tabs remembered across a restart, recent targets.
 */
@Tag("ui")
class ExecUiTest extends DesktopUiTest {
  private static final ExecTarget WEB = new ExecTarget("alpha", "team-a", "web-0", "app");
  private static final ExecTarget BUSYBOX = new ExecTarget("alpha", "team-a", "busybox-0", "tools");
  private static final ExecTarget LOCKED = new ExecTarget("alpha", "team-a", "locked-0", "app");

  @TempDir Path config;
  @TempDir Path home;
  private MockCluster cluster;
  private Map<String, String> env;

  @BeforeEach
  void startCluster() throws Exception {
    cluster = MockCluster.start();
    cluster
        .add(FakePod.running("team-a", "web-0", "app"))
        .add(
            new FakePod(
                "team-a",
                "api-0",
                "Running",
                List.of(FakeContainer.full("app"), FakeContainer.full("sidecar"))))
        .add(FakePod.running("team-a", "pending-0", "app").withPhase("Pending"))
        .add(
            new FakePod(
                "team-a", "busybox-0", "Running", List.of(FakeContainer.withoutBash("tools"))))
        .add(FakePod.running("team-a", "locked-0", "app"))
        .add(FakePod.running("team-b", "worker-0", "main"))
        .denyExec("team-a", "locked-0");
    env = shellEnvironment(home, Map.of("KUBECONFIG", Kubeconfigs.twoFiles(home, cluster.url())));
  }

  @AfterEach
  void stop() throws Exception {
    closeApp(); // before the cluster its exec tabs talk to
    cluster.close();
  }

  private void startApp() throws Exception {
    launch(config, LaunchOptions.none(), env);
  }

  @Test
  void pickByKeyboardThenEchoResizeExitCodeAndOneKeyReconnect() throws Exception {
    startApp();
    robot.clickOn(app.window().sidebar());
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K)
        .release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
    PodPicker picker = waitForPicker();
    ListView<PickerRow> list = lookup(picker, "#picker-list");
    waitFor(() -> list.getItems().size() == 6);
    ComboBox<String> contexts = lookup(picker, "#picker-context");
    ComboBox<String> namespaces = lookup(picker, "#picker-namespace");
    assertThat(contexts.getItems()).containsExactly("alpha", "beta");
    assertThat(contexts.getValue()).isEqualTo("alpha");
    assertThat(namespaces.getItems()).containsExactly("team-a", "team-b");
    assertThat(namespaces.getValue()).isEqualTo("team-a");
    assertThat(list.getItems())
        .extracting(r -> r.target().pod() + "/" + r.target().container())
        .containsExactly(
            "api-0/app",
            "api-0/sidecar",
            "busybox-0/tools",
            "locked-0/app",
            "pending-0/app",
            "web-0/app");
    Screens.save(picker.stage().getScene(), "10-pod-picker");

    robot.clickOn("#picker-filter"); // Xvfb has no window manager to focus the new window
    robot.write("side");
    waitFor(() -> list.getItems().size() == 1);
    assertThat(list.getItems().getFirst().target().container()).isEqualTo("sidecar");
    robot.eraseText(4).write("web");
    waitFor(() -> list.getItems().size() == 1);
    robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

    TerminalTabModel tab = waitForTab(1);
    assertThat(tab.spec().exec()).isEqualTo(WEB);
    assertThat(tab.nameProperty().get()).isEqualTo("web-0/app");
    waitFor(() -> tab.status().state() == TabState.LIVE);
    TerminalPane pane = app.window().selectedPane();
    typeLine(pane, "echo kube-$((6*7))");
    waitForText(pane, "\nkube-42");
    assertThat(Screens.text(pane.widget()))
        .contains("[kubetty: bash in team-a/web-0 (container app)]");

    int resizesBefore = cluster.resizes().size();
    robot.interact(() -> app.window().stage().setWidth(app.window().stage().getWidth() - 200));
    waitFor(() -> cluster.resizes().size() > resizesBefore);
    Thread.sleep(300); // let the layout settle: the last size is the one that counts
    String[] size = cluster.resizes().getLast().split("x");
    typeLine(pane, "stty size");
    waitFor(() -> Screens.text(pane.widget()).contains("\n" + size[1] + " " + size[0]));

    typeLine(pane, "exit 3");
    waitFor(() -> tab.status().state() == TabState.ENDED);
    assertThat(tab.status().message()).startsWith("The shell exited with code 3.");
    waitForText(pane, "kubetty: the shell exited with code 3");
    Screens.save(app.window().stage().getScene(), "11-exec-ended");

    robot.type(KeyCode.ENTER);
    waitFor(() -> cluster.execRequests().size() == 2 && tab.status().state() == TabState.LIVE);
    typeLine(pane, "echo again-$((1+1))");
    waitForText(pane, "\nagain-2");
    assertThat(app.window().tabs().tabs()).hasSize(1);
    assertThat(RecentTargets.load(config).list()).containsExactly(WEB);
  }

  @Test
  void rbacRefusalTabsBackAfterRestartRecentReopensWithOneEnterAndShFallback() throws Exception {
    startApp();
    robot.interact(
        () -> {
          app.window().openExec(LOCKED);
          app.window().openExec(WEB);
        });
    List<TerminalTabModel> tabs = app.window().tabs().tabs();
    waitFor(() -> tabs.get(0).status().state() == TabState.CLOSED);
    assertThat(tabs.get(0).status().message())
        .contains("\"create\" and \"get\" on \"pods/exec\" in namespace team-a");
    waitFor(() -> tabs.get(1).status().state() == TabState.LIVE);
    robot.interact(() -> app.window().tabs().selectedProperty().set(tabs.get(0)));
    TerminalPane locked = app.window().selectedPane();
    waitForText(locked, "Press Enter or R to try again.");
    Screens.save(app.window().stage().getScene(), "12-exec-forbidden");

    closeApp();
    int execsBefore = cluster.execRequests().size();
    startApp();

    List<TerminalTabModel> reopened = app.window().tabs().tabs();
    waitFor(() -> reopened.size() == 2);
    assertThat(reopened).extracting(t -> t.spec().exec()).containsExactly(LOCKED, WEB);
    TerminalTabModel web = reopened.get(1);
    waitFor(() -> web.status().state() == TabState.LIVE);
    waitFor(() -> reopened.get(0).status().state() == TabState.CLOSED);
    assertThat(reopened.get(0).status().message()).contains("pods/exec");
    assertThat(cluster.execRequests().size()).isGreaterThan(execsBefore);
    TerminalPane webPane = app.window().selectedPane();
    typeLine(webPane, "echo back-$((3*3))");
    waitForText(webPane, "\nback-9");
    // One live shell at a time from here: the mock API server can stall with several at once.
    robot.interact(() -> app.window().tabs().close(web));

    PodPicker picker = openPicker();
    ListView<PickerRow> list = lookup(picker, "#picker-list");
    waitFor(() -> !list.getItems().isEmpty());
    assertThat(list.getItems().getFirst()).isEqualTo(new PickerRow.Recent(WEB));
    assertThat(list.getItems()).contains(new PickerRow.Recent(LOCKED));
    waitFor(() -> list.getItems().size() == 8); // 2 recent + 6 containers
    Screens.save(picker.stage().getScene(), "13-pod-picker-recent");
    robot.clickOn("#picker-filter").type(KeyCode.ENTER);
    waitFor(() -> reopened.size() == 2 && reopened.get(1).spec().exec().equals(WEB));
    TerminalTabModel again = reopened.get(1);
    waitFor(() -> again.status().state() == TabState.LIVE);
    robot.interact(() -> app.window().tabs().close(again));

    PodPicker second = openPicker();
    ListView<PickerRow> rows = lookup(second, "#picker-list");
    robot.clickOn("#picker-filter").write("busy");
    waitFor(
        () ->
            rows.getItems().size() == 1
                && rows.getItems().getFirst() instanceof PickerRow.Container);
    robot.type(KeyCode.ENTER);
    waitFor(() -> reopened.size() == 2 && reopened.get(1).spec().exec().equals(BUSYBOX));
    TerminalPane busybox = app.window().selectedPane();
    waitForText(
        busybox,
        "[kubetty: sh in team-a/busybox-0 (container tools) (bash not found in the image)]");
    typeLine(busybox, "echo from-$0");
    waitForText(busybox, "\nfrom-sh");
  }

  private PodPicker openPicker() throws Exception {
    robot.clickOn(app.window().sidebar());
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K)
        .release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
    return waitForPicker();
  }

  private PodPicker waitForPicker() throws Exception {
    waitFor(() -> app.window().picker() != null && app.window().picker().stage().isShowing());
    return app.window().picker();
  }

  @SuppressWarnings("unchecked")
  private static <T> T lookup(PodPicker picker, String id) {
    return (T) picker.stage().getScene().lookup(id);
  }

  private TerminalTabModel waitForTab(int count) throws Exception {
    waitFor(() -> app.window().tabs().tabs().size() == count);
    return app.window().tabs().selectedProperty().get();
  }

  private void waitForText(TerminalPane pane, String needle) throws Exception {
    try {
      waitFor(() -> Screens.text(pane.widget()).contains(needle));
    } catch (java.util.concurrent.TimeoutException e) {
      Screens.save(app.window().stage().getScene(), "failed-" + getClass().getSimpleName());
      throw new AssertionError(
          "no '"
              + needle
              + "'; resizes="
              + cluster.resizes()
              + " screen:\n"
              + Screens.text(pane.widget()),
          e);
    }
  }
}
