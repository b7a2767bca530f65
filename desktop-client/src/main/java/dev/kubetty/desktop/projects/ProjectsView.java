package dev.kubetty.desktop.projects;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sidebar: the app's name, the project list (double-click or Enter opens a tab; a context menu
 * edits, removes, shows session logs, logs out) and the "Add project", "Local shell" and "Exec into
 * pod…" buttons. JavaFX thread.
 */
public final class ProjectsView extends VBox {
  /** What the sidebar asks the app to do. */
  public interface Actions {
    void open(Project project);

    void add();

    void edit(Project project);

    void remove(Project project);

    void showLogs(Project project);

    void logOut(Project project);

    void openLocalShell();

    void openExecPicker();
  }

  private final ListView<Project> list = new ListView<>();

  public ProjectsView(ProjectsModel model, Actions actions) {
    getStyleClass().add("sidebar");
    setPrefWidth(250);
    setMinWidth(200);
    setPadding(new Insets(16, 10, 12, 10));
    setSpacing(10);

    Label brand = new Label("KubeTTY");
    brand.getStyleClass().addAll(Styles.TITLE_3, "brand");
    Label tagline = new Label("terminals that survive the network");
    tagline.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox header = new VBox(2, brand, tagline);
    header.setPadding(new Insets(0, 6, 8, 6));

    Label section = new Label("PROJECTS");
    section.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "section-label");
    section.setPadding(new Insets(0, 6, 0, 6));

    list.setId("project-list");
    list.setItems(model.projects());
    list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "project-list");
    list.setCellFactory(v -> new ProjectCell());
    list.setPlaceholder(placeholder());
    list.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            selected(actions::open);
          }
        });
    list.setOnKeyPressed(
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            selected(actions::open);
          }
        });
    list.setContextMenu(contextMenu(actions));
    VBox.setVgrow(list, Priority.ALWAYS);

    Button add = new Button("Add project");
    add.setId("add-project");
    add.getStyleClass().add(Styles.ACCENT);
    add.setMaxWidth(Double.MAX_VALUE);
    add.setOnAction(e -> actions.add());
    Button local = new Button("Local shell");
    local.setId("local-shell");
    local.setMaxWidth(Double.MAX_VALUE);
    local.setOnAction(e -> actions.openLocalShell());
    HBox.setHgrow(add, Priority.ALWAYS);
    HBox.setHgrow(local, Priority.ALWAYS);
    HBox buttons = new HBox(8, add, local);
    Button exec = new Button("Exec into pod…");
    exec.setId("exec-pod");
    exec.setMaxWidth(Double.MAX_VALUE);
    exec.setTooltip(
        new javafx.scene.control.Tooltip("A shell in a Kubernetes container (Ctrl+Shift+K)"));
    exec.setOnAction(e -> actions.openExecPicker());

    getChildren().addAll(header, section, list, buttons, exec);
  }

  /** The list, for tests. */
  public ListView<Project> list() {
    return list;
  }

  private void selected(Consumer<Project> action) {
    Project project = list.getSelectionModel().getSelectedItem();
    if (project != null) {
      action.accept(project);
    }
  }

  private ContextMenu contextMenu(Actions actions) {
    MenuItem open = new MenuItem("Open terminal");
    open.setOnAction(e -> selected(actions::open));
    MenuItem logs = new MenuItem("Session logs…");
    logs.setOnAction(e -> selected(actions::showLogs));
    MenuItem edit = new MenuItem("Edit…");
    edit.setOnAction(e -> selected(actions::edit));
    MenuItem logout = new MenuItem("Log out");
    logout.setOnAction(e -> selected(actions::logOut));
    MenuItem remove = new MenuItem("Remove…");
    remove.setOnAction(e -> selected(actions::remove));
    return new ContextMenu(
        open, logs, new SeparatorMenuItem(), edit, logout, new SeparatorMenuItem(), remove);
  }

  private static Region placeholder() {
    Label text = new Label("No projects yet.\nAdd one to connect to a relay.");
    text.getStyleClass().add(Styles.TEXT_MUTED);
    text.setWrapText(true);
    VBox box = new VBox(text);
    box.setAlignment(Pos.CENTER);
    box.setPadding(new Insets(20));
    return box;
  }

  private static final class ProjectCell extends ListCell<Project> {
    @Override
    protected void updateItem(Project project, boolean empty) {
      super.updateItem(project, empty);
      if (empty || project == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label name = new Label(project.name());
      name.getStyleClass().add(Styles.TEXT_BOLD);
      Label url = new Label(project.relayUrl());
      url.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
      VBox text = new VBox(2, name, url);
      HBox row = new HBox(8, text);
      if (project.authEnabled()) {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label lock = new Label("login");
        lock.getStyleClass().addAll("tag", Styles.TEXT_SMALL);
        row.getChildren().addAll(grow, lock);
      }
      row.setAlignment(Pos.CENTER_LEFT);
      row.setPadding(new Insets(4, 6, 4, 6));
      setText(null);
      setGraphic(row);
    }
  }
}
