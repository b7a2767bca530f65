package dev.kubetty.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.desktop.tabs.TabAction;
import dev.kubetty.desktop.tabs.TabState;
import dev.kubetty.desktop.tabs.TerminalTabModel;
import dev.kubetty.desktop.terminal.TerminalPane;
import dev.kubetty.desktop.testing.RelayProcess;
import dev.kubetty.desktop.testing.Screens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login against a relay with {@code AUTH_MODE=local}: wrong password, right password, a tab that
 * goes live, logout (the relay closes the socket with 4401, the tab asks to log in), logging in
 * again resumes the same stream, and a restart reopens the tab with the stored tokens.
 */
@Tag("ui")
class LoginUiTest extends DesktopUiTest {
  private static RelayProcess relay;

  @TempDir Path config;
  @TempDir Path shellHome;

  @BeforeAll
  static void startRelay() throws Exception {
    relay = RelayProcess.startWithAuth();
  }

  @AfterAll
  static void stopRelay() throws Exception {
    if (relay != null) {
      relay.close();
    }
  }

  @Test
  void logInTypeLogOutLogInAgainAndReopenAfterRestart() throws Exception {
    String[] credentials = relay.credentials();
    startApp();
    robot.clickOn("#add-project");
    robot.clickOn("#project-name").write("secure");
    robot.clickOn("#project-url").write(relay.httpUri().toString());
    robot.clickOn("#project-save");

    robot.clickOn("#login-username").write(credentials[0]);
    robot.clickOn("#login-password").write("wrong password");
    robot.clickOn("#login-submit");
    waitFor(() -> !robot.lookup("#login-problem").queryAs(Label.class).getText().isEmpty());
    assertThat(robot.lookup("#login-problem").queryAs(Label.class).getText())
        .isEqualTo("Wrong user name or password.");
    Screens.save(robot.window("Log in").getScene(), "06-login-refused");
    robot.doubleClickOn("#login-password").eraseText(20).write(credentials[1]);
    robot.clickOn("#login-submit");

    TerminalTabModel tab = waitForTab();
    waitFor(() -> tab.status().state() == TabState.LIVE);
    Path tokens = config.resolve("tokens.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(tokens)).doesNotContain(credentials[1]);
    TerminalPane pane = app.window().selectedPane();
    typeLine(pane, "echo before-$((1+1))");
    waitFor(() -> Screens.text(pane.widget()).contains("\nbefore-2"));

    robot.rightClickOn("secure");
    robot.clickOn("Log out");
    waitFor(() -> tab.status().state() == TabState.LOGIN_REQUIRED);
    assertThat(tab.status().action()).isEqualTo(TabAction.LOG_IN);
    Screens.save(app.window().stage().getScene(), "07-login-required");
    robot.clickOn("Log in");
    robot.clickOn("#login-password").write(credentials[1]);
    robot.clickOn("#login-submit");
    waitFor(() -> tab.status().state() == TabState.LIVE);
    typeLine(pane, "echo after-$((2+2))");
    waitFor(() -> Screens.text(pane.widget()).contains("\nafter-4"));
    assertThat(Screens.text(pane.widget()).split("\nbefore-2", -1)).hasSize(2);

    closeApp();
    startApp();
    TerminalTabModel reopened = waitForTab();
    assertThat(reopened.nameProperty().get()).isEqualTo("secure");
    waitFor(() -> reopened.status().state() == TabState.LIVE);
    TerminalPane again = app.window().selectedPane();
    waitFor(() -> Screens.text(again.widget()).contains("after-4"));
    Screens.save(app.window().stage().getScene(), "08-reopened-after-restart");
  }

  @Test
  void projectSeededOnTheCommandLineLogsInByItself() throws Exception {
    String[] credentials = relay.credentials();
    startApp(
        new LaunchOptions(
            "local relay", relay.httpUri().toString(), true, credentials[0], credentials[1]));
    TerminalTabModel tab = waitForTab();
    assertThat(tab.nameProperty().get()).isEqualTo("local relay");
    waitFor(() -> tab.status().state() == TabState.LIVE);
    assertThat(robot.listWindows()).hasSize(1);
    assertThat(Files.readString(config.resolve("tokens.json"))).doesNotContain(credentials[1]);
  }

  private void startApp() throws Exception {
    startApp(LaunchOptions.none());
  }

  private void startApp(LaunchOptions options) throws Exception {
    launch(config, options, shellEnvironment(shellHome, Map.of()));
  }
}
