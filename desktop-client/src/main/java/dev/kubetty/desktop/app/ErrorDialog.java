package dev.kubetty.desktop.app;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows errors nobody caught as a dialog with a plain sentence, never a stack trace (that goes to
 * the log). At most one such dialog is open at a time.
 */
public final class ErrorDialog {
  private static final Logger log = LoggerFactory.getLogger(ErrorDialog.class);
  private static boolean showing;

  private ErrorDialog() {}

  /** Installs the default uncaught exception handler for every thread. */
  public static void install(Window owner) {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          log.error("event=uncaught thread={}", thread.getName(), error);
          Platform.runLater(() -> show(owner, "Something went wrong", plainMessage(error)));
        });
  }

  /** Shows {@code message} under {@code title}; JavaFX thread. */
  public static void show(Window owner, String title, String message) {
    if (showing) {
      return;
    }
    showing = true;
    Alert alert = new Alert(Alert.AlertType.ERROR);
    alert.initOwner(owner);
    alert.setTitle("KubeTTY");
    alert.setHeaderText(title);
    alert.setContentText(message);
    alert.showAndWait();
    showing = false;
  }

  /** A sentence for people: the deepest message, without class names. */
  public static String plainMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      message = "An unexpected error happened (" + cause.getClass().getSimpleName() + ").";
    }
    return message + "\n\nThe details are in the log. You can keep working.";
  }
}
