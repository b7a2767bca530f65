package dev.kubetty.desktop.auth;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * Asks for a user name and password and logs in through {@link ProjectLogin} on a background
 * thread, with a spinner meanwhile; the dialog stays open with the reason when the relay refuses.
 * Returns true once logged in, empty/false when cancelled. The password is cleared afterwards and
 * never logged.
 */
public final class LoginDialog extends Dialog<Boolean> {
  private final TextField username = new TextField();
  private final PasswordField password = new PasswordField();
  private final Label problem = new Label();
  private final ProgressIndicator spinner = new ProgressIndicator();

  public LoginDialog(Window owner, String projectName, ProjectLogin login, String presetUser) {
    initOwner(owner);
    setTitle("Log in");
    setHeaderText("Log in to " + projectName);
    username.setId("login-username");
    password.setId("login-password");
    username.setText(presetUser == null ? login.username().orElse("") : presetUser);
    problem.setId("login-problem");
    problem.getStyleClass().add(Styles.DANGER);
    problem.setWrapText(true);
    spinner.setPrefSize(18, 18);
    spinner.setVisible(false);

    GridPane form = new GridPane();
    form.setHgap(12);
    form.setVgap(10);
    form.setPadding(new Insets(16, 16, 8, 16));
    form.addRow(0, new Label("User name"), username);
    form.addRow(1, new Label("Password"), password);
    form.add(new HBox(8, spinner, problem), 0, 2, 2, 1);
    getDialogPane().setContent(form);

    ButtonType logIn = new ButtonType("Log in", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().addAll(logIn, ButtonType.CANCEL);
    getDialogPane().lookupButton(logIn).setId("login-submit");
    getDialogPane()
        .lookupButton(logIn)
        .addEventFilter(
            javafx.event.ActionEvent.ACTION,
            e -> {
              e.consume();
              submit(login);
            });
    setResultConverter(type -> Boolean.TRUE.equals(getResult()));
    setOnShown(e -> (username.getText().isEmpty() ? username : password).requestFocus());
  }

  /** Fills the password field (the app's pre-seeded local project); never logged. */
  public void presetPassword(String value) {
    password.setText(value == null ? "" : value);
  }

  private void submit(ProjectLogin login) {
    String user = username.getText().strip();
    String pass = password.getText();
    if (user.isEmpty() || pass.isEmpty()) {
      problem.setText("Enter your user name and password.");
      return;
    }
    spinner.setVisible(true);
    problem.setText("");
    getDialogPane().setDisable(true);
    Thread.ofVirtual()
        .name("kubetty-login")
        .start(
            () -> {
              String failure = null;
              try {
                login.logIn(user, pass);
              } catch (dev.kubetty.protocol.auth.AuthException ex) {
                failure = ProjectLogin.explain(ex);
              }
              String shown = failure;
              Platform.runLater(() -> finish(shown));
            });
  }

  private void finish(String failure) {
    spinner.setVisible(false);
    getDialogPane().setDisable(false);
    if (failure == null) {
      password.clear();
      setResult(Boolean.TRUE);
      close();
    } else {
      problem.setText(failure);
      password.requestFocus();
    }
  }
}
