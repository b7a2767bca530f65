package dev.kubetty.desktop.app;

import javafx.application.Application;

/**
 * The entry point: {@code java -cp … dev.kubetty.desktop.app.KubettyDesktop [--project NAME=URL]}.
 * It does not extend {@link Application} on purpose: JavaFX then runs from the class path (the
 * JediTermFX jar's module descriptor cannot be resolved on the module path).
 */
public final class KubettyDesktop {
  private KubettyDesktop() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("bench")) {
      System.exit(dev.kubetty.desktop.bench.DesktopBench.run(args));
      return;
    }
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("kubetty-desktop: " + e.getMessage());
      System.err.println(
          "usage: kubetty-desktop [--project NAME=URL [--no-auth | --credentials-file FILE]] | bench [--runs N] [--megabytes N]");
      System.exit(2);
      return;
    }
    Prewarm.start();
    DesktopApp.launchOptions = options;
    dev.kubetty.desktop.bench.BenchProbe.mark("main");
    Application.launch(DesktopApp.class, args);
    // The window is closed and the sessions are closed; do not wait for idle HTTP threads.
    System.exit(0);
  }
}
