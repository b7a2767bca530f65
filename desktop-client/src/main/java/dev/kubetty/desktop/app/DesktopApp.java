package dev.kubetty.desktop.app;

import atlantafx.base.theme.PrimerDark;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: Primer Dark theme, one main window. Launched by {@link KubettyDesktop};
 * tests construct it with their own config directory and options.
 */
public final class DesktopApp extends Application {
  static volatile LaunchOptions launchOptions = LaunchOptions.none();

  private final Path configDir;
  private final LaunchOptions options;
  private final java.util.Map<String, String> shellEnvironment;
  private MainWindow window;

  /** Used by {@link Application#launch}: the user's config directory and the parsed options. */
  public DesktopApp() {
    this(ConfigDirectory.resolve(), launchOptions, System.getenv());
  }

  /** An app keeping its files in {@code configDir}, starting local shells with {@code env}. */
  public DesktopApp(Path configDir, LaunchOptions options, java.util.Map<String, String> env) {
    this.configDir = configDir;
    this.options = options;
    this.shellEnvironment = env;
  }

  @Override
  public void start(Stage stage) throws Exception {
    dev.kubetty.desktop.bench.BenchProbe.mark("toolkit");
    Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    window = new MainWindow(stage, configDir, options, shellEnvironment);
    dev.kubetty.desktop.bench.BenchProbe.mark("window-built");
    window.show();
    dev.kubetty.desktop.bench.BenchProbe.mark("shown");
  }

  @Override
  public void stop() {
    if (window != null) {
      window.shutDown();
    }
  }

  /** The main window, for tests. */
  public MainWindow window() {
    return window;
  }
}
