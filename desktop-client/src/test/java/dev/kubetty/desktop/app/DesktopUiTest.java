package dev.kubetty.desktop.app;

import dev.kubetty.desktop.tabs.TerminalTabModel;
import dev.kubetty.desktop.terminal.TerminalPane;
import dev.kubetty.desktop.testing.Screens;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What every desktop UI test shares: a display (or headless Monocle) and a registered primary
 * stage; one app per test, started with {@link #launch} and closed after the test; {@link
 * #waitFor}.
 */
abstract class DesktopUiTest {
  protected final FxRobot robot = new FxRobot();
  protected DesktopApp app;

  @BeforeAll
  static void registerPrimaryStage() throws Exception {
    if (System.getenv("DISPLAY") == null && !"true".equals(System.getProperty("testfx.headless"))) {
      throw new IllegalStateException(
          "UI tests need a display: run the build under xvfb-run (see README, Test it)");
    }
    FxToolkit.registerPrimaryStage();
  }

  /** An environment whose local shells are bash with {@code home} as HOME, plus {@code extra}. */
  protected static Map<String, String> shellEnvironment(Path home, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("HOME", home.toString());
    env.put("SHELL", "/bin/bash");
    env.put("PATH", System.getenv("PATH"));
    return Map.copyOf(env);
  }

  /** Starts the app with its configuration in {@code config}; it becomes {@link #app}. */
  protected DesktopApp launch(Path config, LaunchOptions options, Map<String, String> env)
      throws Exception {
    app = (DesktopApp) FxToolkit.setupApplication(() -> new DesktopApp(config, options, env));
    return app;
  }

  /** Closes the app and its windows, as quitting does; a later {@link #launch} is a restart. */
  protected void closeApp() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
      app = null;
    }
    FxToolkit.cleanupStages();
  }

  @AfterEach
  void closeAppAfterTest() throws Exception {
    closeApp();
  }

  protected static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
  }

  /** Clicks into {@code pane}, waits for the shell's prompt, types {@code line} and Enter. */
  protected void typeLine(TerminalPane pane, String line) throws Exception {
    robot.clickOn(pane.widget().getPane());
    try {
      waitFor(() -> Screens.promptShown(pane.widget()));
    } catch (TimeoutException e) {
      throw new AssertionError("no prompt on the screen:\n" + Screens.text(pane.widget()), e);
    }
    robot.write(line);
    robot.type(KeyCode.ENTER);
  }

  /** Waits until a tab is selected and returns it. */
  protected TerminalTabModel waitForTab() throws Exception {
    waitFor(() -> app.window().tabs().selectedProperty().get() != null);
    return app.window().tabs().selectedProperty().get();
  }
}
