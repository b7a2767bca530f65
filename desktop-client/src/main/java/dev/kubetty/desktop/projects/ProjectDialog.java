package dev.kubetty.desktop.projects;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The add / edit project form. "Save" stays on the form while the validator or the store reports a
 * problem, shown in red under the fields. Returns the saved project, or empty when cancelled.
 */
public final class ProjectDialog extends Dialog<Project> {
  private final TextField name = new TextField();
  private final TextField url = new TextField();
  private final CheckBox auth = new CheckBox("The relay asks for a login");
  private final Label problems = new Label();

  /**
   * @param existing the project to edit, or {@code null} to add one
   * @param save saves a candidate and returns its problems (empty when saved)
   */
  public ProjectDialog(Window owner, Project existing, Function<Project, List<String>> save) {
    initOwner(owner);
    setTitle(existing == null ? "Add project" : "Edit project");
    setHeaderText(existing == null ? "Connect to a workspace relay" : "Edit " + existing.name());
    name.setId("project-name");
    url.setId("project-url");
    auth.setId("project-auth");
    name.setPromptText("my workspace");
    url.setPromptText("http://127.0.0.1:8080");
    if (existing != null) {
      name.setText(existing.name());
      url.setText(existing.relayUrl());
      auth.setSelected(existing.authEnabled());
    } else {
      auth.setSelected(true);
    }
    problems.getStyleClass().add(Styles.DANGER);
    problems.setWrapText(true);
    problems.setId("project-problems");

    GridPane form = new GridPane();
    form.setHgap(12);
    form.setVgap(10);
    form.setPadding(new Insets(16, 16, 8, 16));
    form.addRow(0, new Label("Name"), name);
    form.addRow(1, new Label("Relay URL"), url);
    form.add(auth, 1, 2);
    form.add(problems, 0, 3, 2, 1);
    name.setPrefColumnCount(28);
    getDialogPane().setContent(form);

    ButtonType saveType = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().addAll(saveType, ButtonType.CANCEL);
    getDialogPane().lookupButton(saveType).setId("project-save");
    getDialogPane()
        .lookupButton(saveType)
        .addEventFilter(
            javafx.event.ActionEvent.ACTION,
            e -> {
              Project candidate = candidate(existing);
              List<String> found = save.apply(candidate);
              if (!found.isEmpty()) {
                problems.setText(String.join("\n", found));
                e.consume();
              } else {
                setResult(candidate);
              }
            });
    setResultConverter(type -> type == saveType ? getResult() : null);
    setOnShown(e -> name.requestFocus());
  }

  private Project candidate(Project existing) {
    if (existing == null) {
      return Project.create(name.getText(), url.getText(), auth.isSelected());
    }
    return new Project(existing.id(), name.getText(), url.getText(), auth.isSelected());
  }
}
