package dev.kubetty.desktop.logs;

import atlantafx.base.theme.Styles;
import dev.kubetty.desktop.auth.ProjectLogin;
import dev.kubetty.desktop.projects.Project;
import java.io.File;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The session logs of one project: the stored output, page by page, with a search field and an
 * "Export .cast" button. Its own window; loads run on one background thread.
 */
public final class LogsWindow {
  private final Stage stage = new Stage();
  private final LogsService service;
  private final LogsModel model;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().daemon().name("kubetty-logs").unstarted(r));

  public LogsWindow(Window owner, Project project, ProjectLogin login) {
    this.service =
        new LogsService(
            project.baseUri(), () -> login == null ? null : login.authorizationHeader());
    this.model = new LogsModel(service, background, Platform::runLater);
    stage.initOwner(owner);
    stage.setTitle("Session logs — " + project.name());
    Scene scene = new Scene(layout(), 900, 600);
    scene
        .getStylesheets()
        .add(
            Objects.requireNonNull(LogsWindow.class.getResource("/dev/kubetty/desktop/app/app.css"))
                .toExternalForm());
    stage.setScene(scene);
    stage.setOnHidden(e -> background.shutdownNow());
  }

  /** Shows the window and loads the first page. */
  public void show() {
    stage.show();
    model.first();
  }

  private BorderPane layout() {
    TextField search = new TextField();
    search.setId("logs-search");
    search.setPromptText("Search the output (exact text)");
    search.textProperty().bindBidirectional(model.searchProperty());
    search.setOnAction(e -> model.first());
    HBox.setHgrow(search, Priority.ALWAYS);
    Button find = new Button("Search");
    find.setOnAction(e -> model.first());
    Button export = new Button("Export .cast…");
    export.setId("logs-export");
    export.setOnAction(e -> export());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    spinner.visibleProperty().bind(model.busyProperty());
    HBox top = new HBox(8, search, find, spinner, export);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(10));

    ListView<LogsService.Entry> list = new ListView<>(model.entries());
    list.setId("logs-list");
    list.getStyleClass().add("logs-list");
    list.setCellFactory(v -> new EntryCell());

    Label status = new Label();
    status.textProperty().bind(model.statusProperty());
    status.getStyleClass().add(Styles.TEXT_MUTED);
    Button previous = new Button("‹ Previous");
    previous.disableProperty().bind(model.hasPreviousProperty().not());
    previous.setOnAction(e -> model.previous());
    Button next = new Button("Next ›");
    next.setId("logs-next");
    next.disableProperty().bind(model.hasNextProperty().not());
    next.setOnAction(e -> model.next());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bottom = new HBox(8, status, grow, previous, next);
    bottom.setAlignment(Pos.CENTER_LEFT);
    bottom.setPadding(new Insets(8, 10, 10, 10));
    return new BorderPane(list, top, null, bottom, null);
  }

  private void export() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export session as asciicast");
    chooser.setInitialFileName("session.cast");
    File file = chooser.showSaveDialog(stage);
    if (file == null) {
      return;
    }
    model.busyProperty().set(true);
    background.execute(
        () -> {
          String result;
          try {
            service.exportCast(file.toPath());
            result =
                "Saved " + file.getName() + " — play it with: asciinema play " + file.getName();
          } catch (IOException ex) {
            result = "Export failed: " + ex.getMessage();
          }
          String shown = result;
          Platform.runLater(
              () -> {
                model.busyProperty().set(false);
                model.statusProperty().set(shown);
              });
        });
  }

  private static final class EntryCell extends ListCell<LogsService.Entry> {
    @Override
    protected void updateItem(LogsService.Entry entry, boolean empty) {
      super.updateItem(entry, empty);
      if (empty || entry == null) {
        setGraphic(null);
        return;
      }
      Label meta = new Label("#" + entry.offset() + "  ·  " + entry.time());
      meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
      Label text = new Label(printable(entry.text()));
      text.getStyleClass().add("log-text");
      text.setWrapText(true);
      text.setMaxWidth(820);
      text.setMinHeight(Region.USE_PREF_SIZE);
      setGraphic(new VBox(2, meta, text));
    }

    private static String printable(String raw) {
      String noEscapes =
          raw.replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "")
              .replaceAll("\u001b\\][^\u0007]*\u0007", "");
      String text = noEscapes.replace("\r", "").strip();
      return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
  }
}
