package dev.kubetty.desktop.app;

import javafx.application.Application;

/**
 * The entry point: {@code java -cp … dev.kubetty.desktop.app.KubettyDesktop [--project NAME=URL]}.
 * It does not extend {@link Application} on purpose: JavaFX then runs from the class path (the
 * JediTermFX jar's module descriptor cannot be resolved on the module path).
 */
public final class KubettyDesktop {
  private KubettyDesktop() {}

  public static void main(String[] args) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("kubetty-desktop: " + e.getMessage());
      System.err.println("usage: kubetty-desktop [--project NAME=URL [--no-auth]]");
      System.exit(2);
      return;
    }
    DesktopApp.launchOptions = options;
    Application.launch(DesktopApp.class, args);
  }
}
