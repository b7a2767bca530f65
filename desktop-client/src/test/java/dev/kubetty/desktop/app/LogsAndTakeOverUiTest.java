package dev.kubetty.desktop.app;

import dev.kubetty.desktop.auth.RelayCredentials;
import dev.kubetty.desktop.logs.LogsService;
import dev.kubetty.desktop.tabs.TabState;
import dev.kubetty.desktop.tabs.TabStatus;
import dev.kubetty.desktop.tabs.TerminalTabModel;
import dev.kubetty.desktop.terminal.RelayTabSession;
import dev.kubetty.desktop.terminal.TerminalPane;
import dev.kubetty.desktop.testing.RelayProcess;
import dev.kubetty.desktop.testing.Screens;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a relay that stores its transcript: another client takes the session over and the tab
 * takes it back; the session logs window finds a typed command's output.
 */
@Tag("ui")
class LogsAndTakeOverUiTest extends DesktopUiTest {
  private static RelayProcess relay;

  @TempDir Path config;
  @TempDir Path shellHome;

  @BeforeAll
  static void startRelay() throws Exception {
    relay = RelayProcess.start(true, Map.of());
  }

  @AfterAll
  static void stopRelay() throws Exception {
    if (relay != null) {
      relay.close();
    }
  }

  @Test
  void takenOverTabTakesItBackAndLogsWindowFindsOutput() throws Exception {
    launch(
        config,
        new LaunchOptions("logged", relay.httpUri().toString(), false, null, null),
        shellEnvironment(shellHome, Map.of()));
    TerminalTabModel tab = waitForTab();
    waitFor(() -> tab.status().state() == TabState.LIVE);
    TerminalPane pane = app.window().selectedPane();
    robot.clickOn(pane.widget().getPane());
    waitFor(() -> Screens.promptShown(pane.widget()));
    robot.write("echo logs-marker-$((6*7))");
    robot.type(KeyCode.ENTER);
    waitFor(() -> Screens.text(pane.widget()).contains("\nlogs-marker-42"));

    List<TabStatus> other = new CopyOnWriteArrayList<>();
    try (RelayTabSession intruder =
        new RelayTabSession(
            URI.create("ws://" + relay.httpUri().getAuthority() + "/ws"),
            RelayCredentials.none())) {
      intruder.setStatusListener(other::add);
      intruder.start();
      waitFor(() -> other.stream().anyMatch(s -> s.state() == TabState.BUSY));
      intruder.perform(dev.kubetty.desktop.tabs.TabAction.TAKE_OVER);
      waitFor(() -> tab.status().state() == TabState.TAKEN_OVER);
      Screens.save(app.window().stage().getScene(), "09-taken-over");
      robot.clickOn("Take it back");
      waitFor(() -> tab.status().state() == TabState.LIVE);
      waitFor(() -> other.stream().anyMatch(s -> s.state() == TabState.TAKEN_OVER));
    }

    robot.rightClickOn("logged");
    robot.clickOn("Session logs…");
    Window logs = robot.window("Session logs — logged");
    @SuppressWarnings("unchecked")
    ListView<LogsService.Entry> list = robot.lookup("#logs-list").queryAs(ListView.class);
    waitFor(() -> !list.getItems().isEmpty());
    robot.clickOn("#logs-search").write("logs-marker-42");
    robot.type(KeyCode.ENTER);
    waitFor(
        () ->
            !list.getItems().isEmpty()
                && list.getItems().stream().allMatch(e -> e.text().contains("logs-marker-42")));
    Screens.save(logs.getScene(), "10-session-logs");
  }
}
