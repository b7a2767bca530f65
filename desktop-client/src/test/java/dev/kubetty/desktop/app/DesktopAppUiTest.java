package dev.kubetty.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.desktop.tabs.TabState;
import dev.kubetty.desktop.tabs.TerminalTabModel;
import dev.kubetty.desktop.terminal.RelayTabSession;
import dev.kubetty.desktop.terminal.TerminalPane;
import dev.kubetty.desktop.testing.RelayProcess;
import dev.kubetty.desktop.testing.Screens;
import dev.kubetty.relay.testing.ChaosProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app in a real window (Xvfb), against a real relay child process: add a project, type in
 * its tab, survive a dropped network, a local shell, Ctrl-D.
 */
@Tag("ui")
class DesktopAppUiTest extends DesktopUiTest {
  private static RelayProcess relay;
  private static ChaosProxy proxy;

  @TempDir Path config;
  @TempDir Path shellHome;

  @BeforeAll
  static void startRelay() throws Exception {
    relay = RelayProcess.start(false, Map.of());
    proxy = new ChaosProxy(relay.httpUri());
  }

  @AfterAll
  static void stopRelay() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    if (relay != null) {
      relay.close();
    }
  }

  @BeforeEach
  void startApp() throws Exception {
    launch(config, LaunchOptions.none(), shellEnvironment(shellHome, Map.of()));
  }

  @Test
  void addProjectTypeAndResumeAfterDroppedConnection() throws Exception {
    Screens.save(app.window().stage().getScene(), "01-empty");
    robot.clickOn("#add-project");
    robot.clickOn("#project-name").write("workspace");
    robot.clickOn("#project-url").write(proxy.httpUrl());
    robot.clickOn("#project-auth");
    Screens.save(robot.window("Add project").getScene(), "02-add-project");
    robot.clickOn("#project-save");

    TerminalTabModel tab = waitForTab();
    waitFor(() -> tab.status().state() == TabState.LIVE);
    assertThat(Files.readString(config.resolve("projects.json"))).contains("workspace");
    TerminalPane pane = app.window().selectedPane();
    robot.clickOn(pane.widget().getPane());
    waitFor(() -> Screens.promptShown(pane.widget()));
    robot.write("echo kubetty-$((6*7))");
    robot.type(KeyCode.ENTER);
    waitFor(() -> Screens.text(pane.widget()).contains("\nkubetty-42"));
    Screens.save(app.window().stage().getScene(), "03-live-tab");

    robot.write("for i in $(seq 1 400); do echo line-$i; sleep 0.005; done; echo done-$((40+2))");
    robot.type(KeyCode.ENTER);
    waitFor(() -> Screens.text(pane.widget()).contains("line-50"));
    int before = proxy.accepted();
    proxy.cutAll();
    waitFor(() -> proxy.accepted() > before && tab.status().state() == TabState.LIVE);
    proxy.cutAll();
    waitFor(() -> proxy.accepted() > before + 1 && tab.status().state() == TabState.LIVE);
    waitFor(() -> Screens.text(pane.widget()).contains("\ndone-42"));
    Screens.save(app.window().stage().getScene(), "04-after-resume");

    String text = Screens.text(pane.widget());
    assertThat(proxy.accepted()).isGreaterThanOrEqualTo(before + 2);
    assertThat(text).doesNotContain("bytes of output were lost");
    assertThat(linesNumbered(text)).isEqualTo(400);
    assertThat(((RelayTabSession) tab.session()).connection().offset()).isPositive();
    assertThat(app.window().stage().getTitle()).startsWith("workspace").endsWith("KubeTTY");
  }

  @Test
  void localShellTabsShortcutsShellTitleAndCtrlD() throws Exception {
    robot.clickOn("#local-shell");
    TerminalTabModel first = waitForTab();
    TerminalPane pane = app.window().selectedPane();
    typeLine(pane, "echo local-$((6*7))");
    waitFor(() -> Screens.text(pane.widget()).contains("\nlocal-42"));
    typeLine(pane, "printf '\\e]0;%s\\a' kubetty-title");
    waitFor(() -> app.window().stage().getTitle().equals("Local shell — kubetty-title · KubeTTY"));
    Screens.save(app.window().stage().getScene(), "05-local-shell");

    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T)
        .release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
    waitFor(() -> app.window().tabs().tabs().size() == 2);
    assertThat(app.window().tabs().selectedProperty().get()).isNotSameAs(first);
    robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
    waitFor(() -> app.window().tabs().selectedProperty().get() == first);
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W)
        .release(KeyCode.W, KeyCode.SHIFT, KeyCode.CONTROL);
    waitFor(() -> app.window().tabs().tabs().size() == 1);
    TerminalTabModel second = app.window().tabs().selectedProperty().get();
    assertThat(second).isNotSameAs(first);
    TerminalPane secondPane = app.window().selectedPane();
    robot.clickOn(secondPane.widget().getPane());
    waitFor(() -> Screens.promptShown(secondPane.widget()));

    // Shift and Ctrl pressed alone used to send NUL, which made bash ignore the Ctrl-D below.
    robot.press(KeyCode.SHIFT).release(KeyCode.SHIFT);
    robot.press(KeyCode.CONTROL).press(KeyCode.D).release(KeyCode.D).release(KeyCode.CONTROL);
    waitFor(() -> second.status().state() == TabState.EXITED);
    waitFor(() -> app.window().tabs().tabs().isEmpty());
    assertThat(app.window().stage().getTitle()).isEqualTo("KubeTTY");
  }

  private static int linesNumbered(String text) {
    Matcher m = Pattern.compile("(?m)^line-(\\d+) *$").matcher(text);
    int expected = 1;
    while (m.find()) {
      assertThat(Integer.parseInt(m.group(1))).as("line order").isEqualTo(expected);
      expected++;
    }
    return expected - 1;
  }
}
