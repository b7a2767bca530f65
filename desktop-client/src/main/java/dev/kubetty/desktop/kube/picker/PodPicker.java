package dev.kubetty.desktop.kube.picker;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.kubetty.desktop.kube.ExecTarget;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Exec into pod" window: context and namespace choosers, a filter field, the list (recent
 * targets, then one row per container with the pod's status; pods that are not running dimmed), a
 * status line (spinner while loading, errors in plain words) and Open/Cancel. Keyboard first: the
 * filter has the focus, ↑/↓ move, Enter opens, Esc closes, F5 reloads. JavaFX thread.
 */
public final class PodPicker {
  private final Stage stage = new Stage();
  private final PodPickerModel model;
  private final Consumer<ExecTarget> onOpen;
  private final ComboBox<String> contexts = new ComboBox<>();
  private final ComboBox<String> namespaces = new ComboBox<>();
  private final TextField filter = new TextField();
  private final ListView<PickerRow> list = new ListView<>();
  private final HBox status = new HBox(8);
  private final ProgressIndicator spinner = new ProgressIndicator();
  private final Label statusText = new Label();
  private boolean syncing;

  /**
   * @param onOpen called with the chosen target after the window closed
   */
  public PodPicker(Window owner, PodPickerModel model, Consumer<ExecTarget> onOpen) {
    this.model = model;
    this.onOpen = onOpen;
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Exec into pod");
    VBox root =
        new VBox(12, header(), choosers(), filterField(), statusLine(), listView(), footer());
    root.getStyleClass().add("pod-picker");
    root.setPadding(new Insets(18, 18, 14, 18));
    Scene scene = new Scene(root, 760, 560);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    scene
        .getStylesheets()
        .add(Objects.requireNonNull(getClass().getResource("picker.css")).toExternalForm());
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    stage.setScene(scene);
    bindModel();
  }

  /** Shows the window with the filter focused and starts loading. */
  public void show() {
    stage.show();
    filter.requestFocus();
    model.start();
  }

  /** The window, for tests and screenshots. */
  public Stage stage() {
    return stage;
  }

  private Node header() {
    Label title = new Label("Exec into pod");
    title.getStyleClass().add(Styles.TITLE_3);
    Label sub =
        new Label("A shell in any container your kubeconfig reaches, in a new terminal tab.");
    sub.getStyleClass().add(Styles.TEXT_MUTED);
    return new VBox(2, title, sub);
  }

  private Node choosers() {
    contexts.setId("picker-context");
    namespaces.setId("picker-namespace");
    namespaces.setEditable(true);
    namespaces.setPromptText("namespace");
    contexts.setMaxWidth(Double.MAX_VALUE);
    namespaces.setMaxWidth(Double.MAX_VALUE);
    VBox context = labelled("CONTEXT", contexts);
    VBox namespace = labelled("NAMESPACE", namespaces);
    HBox.setHgrow(context, Priority.ALWAYS);
    HBox.setHgrow(namespace, Priority.ALWAYS);
    return new HBox(12, context, namespace);
  }

  private static VBox labelled(String text, Node control) {
    Label label = new Label(text);
    label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "section-label");
    return new VBox(4, label, control);
  }

  private Node filterField() {
    filter.setId("picker-filter");
    filter.setPromptText("Type to filter pods and containers, e.g. \"web app\"");
    filter.getStyleClass().add(Styles.LARGE);
    filter.textProperty().bindBidirectional(model.filterProperty());
    return filter;
  }

  private Node statusLine() {
    status.setId("picker-status");
    status.getStyleClass().add("picker-status");
    status.setAlignment(Pos.CENTER_LEFT);
    status.setPadding(new Insets(6, 10, 6, 10));
    spinner.setPrefSize(14, 14);
    spinner.setMaxSize(14, 14);
    statusText.setWrapText(true);
    statusText.setId("picker-status-text");
    status.getChildren().addAll(spinner, statusText);
    return status;
  }

  private Node listView() {
    list.setId("picker-list");
    list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "picker-list");
    list.setItems(model.rows());
    list.setCellFactory(v -> new RowCell());
    list.setFocusTraversable(false);
    Label empty = new Label("No pods to show.");
    empty.getStyleClass().add(Styles.TEXT_MUTED);
    list.setPlaceholder(empty);
    list.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            openSelected();
          }
        });
    VBox.setVgrow(list, Priority.ALWAYS);
    return list;
  }

  private Node footer() {
    Label keys = new Label("↑ ↓ move   Enter open   F5 reload   Esc close");
    keys.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    Button cancel = new Button("Cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.close());
    Button open = new Button("Open shell");
    open.setId("picker-open");
    open.getStyleClass().add(Styles.ACCENT);
    open.setOnAction(e -> openSelected());
    open.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(list.getItems()));
    HBox footer = new HBox(8, keys, grow, cancel, open);
    footer.setAlignment(Pos.CENTER_LEFT);
    return footer;
  }

  private void bindModel() {
    contexts.setItems(model.contexts());
    namespaces.setItems(model.namespaces());
    model.contextProperty().addListener((o, old, now) -> sync(() -> contexts.setValue(now)));
    model.namespaceProperty().addListener((o, old, now) -> sync(() -> namespaces.setValue(now)));
    contexts
        .valueProperty()
        .addListener(
            (o, old, now) -> {
              if (!syncing && now != null && !now.equals(model.contextProperty().get())) {
                model.chooseContext(now);
              }
            });
    namespaces
        .valueProperty()
        .addListener(
            (o, old, now) -> {
              if (!syncing && now != null && !now.equals(model.namespaceProperty().get())) {
                model.chooseNamespace(now);
              }
            });
    model
        .namespacesListedProperty()
        .addListener(
            (o, old, listed) ->
                namespaces.setPromptText(listed ? "namespace" : "type a namespace, then Enter"));
    model.loadingProperty().addListener(o -> showStatus());
    model.errorProperty().addListener(o -> showStatus());
    model.hintProperty().addListener(o -> showStatus());
    model
        .rows()
        .addListener((javafx.collections.ListChangeListener<PickerRow>) c -> keepSelection());
    showStatus();
    keepSelection();
  }

  private void sync(Runnable change) {
    syncing = true;
    try {
      change.run();
    } finally {
      syncing = false;
    }
  }

  private void showStatus() {
    String error = model.errorProperty().get();
    String loading = model.loadingProperty().get();
    String hint = model.hintProperty().get();
    status.getStyleClass().removeAll("status-danger", "status-warning", "status-info");
    boolean busy = error.isEmpty() && !loading.isEmpty();
    spinner.setVisible(busy);
    spinner.setManaged(busy);
    if (!error.isEmpty()) {
      statusText.setText(error);
      status.getStyleClass().add("status-danger");
    } else if (busy) {
      statusText.setText(loading);
      status.getStyleClass().add("status-info");
    } else if (!hint.isEmpty()) {
      statusText.setText(hint);
      status.getStyleClass().add("status-warning");
    }
    boolean visible = !error.isEmpty() || busy || !hint.isEmpty();
    status.setVisible(visible);
    status.setManaged(visible);
  }

  private void keepSelection() {
    if (!list.getItems().isEmpty() && list.getSelectionModel().getSelectedItem() == null) {
      list.getSelectionModel().selectFirst();
    }
  }

  private void onKey(KeyEvent e) {
    boolean inNamespace = namespaces.getEditor().isFocused() || namespaces.isFocused();
    switch (e.getCode()) {
      case ESCAPE -> stage.close();
      case F5 -> model.refresh();
      case DOWN, UP -> {
        if (filter.isFocused()) {
          move(e.getCode() == KeyCode.DOWN ? 1 : -1);
          e.consume();
        }
      }
      case ENTER -> {
        if (!inNamespace && !contexts.isFocused()) {
          openSelected();
          e.consume();
        }
      }
      default -> {}
    }
  }

  private void move(int delta) {
    int size = list.getItems().size();
    if (size == 0) {
      return;
    }
    int index = list.getSelectionModel().getSelectedIndex();
    int next = Math.max(0, Math.min(size - 1, index + delta));
    list.getSelectionModel().select(next);
    list.scrollTo(next);
  }

  private void openSelected() {
    PickerRow row = list.getSelectionModel().getSelectedItem();
    if (row == null && !list.getItems().isEmpty()) {
      row = list.getItems().getFirst(); // the highlighted row, else the first
    }
    if (row == null) {
      return;
    }
    model
        .choose(row)
        .ifPresent(
            target -> {
              stage.close();
              onOpen.accept(target);
            });
  }

  /** A recent target, or a container with its pod's status. */
  private static final class RowCell extends ListCell<PickerRow> {
    @Override
    protected void updateItem(PickerRow row, boolean empty) {
      super.updateItem(row, empty);
      setText(null);
      getStyleClass().remove("not-running");
      if (empty || row == null) {
        setGraphic(null);
        return;
      }
      setGraphic(
          switch (row) {
            case PickerRow.Recent r -> recent(r);
            case PickerRow.Container c -> container(c);
          });
      if (row instanceof PickerRow.Container c && !c.pod().running()) {
        getStyleClass().add("not-running");
      }
    }

    private static Node recent(PickerRow.Recent row) {
      ExecTarget t = row.target();
      Label tag = new Label("recent");
      tag.getStyleClass().addAll("tag", "recent-tag", Styles.TEXT_SMALL);
      Label name = new Label(t.pod() + (t.container() == null ? "" : " / " + t.container()));
      name.getStyleClass().add(Styles.TEXT_BOLD);
      Label where = new Label(t.context() + " › " + t.namespace());
      where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
      return row(tag, name, where, new Label());
    }

    private static Node container(PickerRow.Container row) {
      Circle dot = new Circle(4);
      dot.getStyleClass().addAll("pod-dot", "phase-" + row.pod().phase().toLowerCase());
      Label name = new Label(row.pod().name());
      name.getStyleClass().add(Styles.TEXT_BOLD);
      Label container = new Label(row.container());
      container.getStyleClass().addAll("tag", Styles.TEXT_SMALL);
      Label state = new Label(row.pod().status());
      state.getStyleClass().addAll("pod-status", Styles.TEXT_SMALL);
      if (!row.pod().running()) {
        state.getStyleClass().add(Styles.WARNING);
      }
      return row(dot, name, container, state);
    }

    private static Node row(Node lead, Label name, Label detail, Label right) {
      Region grow = new Region();
      HBox.setHgrow(grow, Priority.ALWAYS);
      HBox box = new HBox(10, lead, name, detail, grow, right);
      box.setAlignment(Pos.CENTER_LEFT);
      box.setPadding(new Insets(3, 8, 3, 8));
      return box;
    }
  }
}
