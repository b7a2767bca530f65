package dev.kubetty.desktop.tabs;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The tab strip and the active terminal, kept in step with a {@link TabsModel}; a short hint when
 * no tab is open. Each tab header shows a dot coloured by the connection state and the tab's title.
 * JavaFX thread.
 */
public final class TabsView extends StackPane {
  private final TabsModel model;
  private final Function<TerminalTabModel, Node> contentFactory;
  private final TabPane tabPane = new TabPane();
  private final Map<TerminalTabModel, Tab> tabs = new HashMap<>();
  private boolean syncing;

  /**
   * @param contentFactory builds the content of a new tab (the terminal pane)
   */
  public TabsView(TabsModel model, Function<TerminalTabModel, Node> contentFactory) {
    this.model = model;
    this.contentFactory = contentFactory;
    getStyleClass().add("tabs-view");
    tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
    tabPane.setTabDragPolicy(TabPane.TabDragPolicy.FIXED);
    getChildren().addAll(emptyHint(), tabPane);
    tabPane.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tabPane.getTabs()));
    model.tabs().forEach(this::add);
    model.tabs().addListener(this::onTabsChanged);
    tabPane
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (!syncing && now != null) {
                model.selectedProperty().set((TerminalTabModel) now.getUserData());
              }
            });
    model.selectedProperty().addListener((obs, old, now) -> select(now));
  }

  /** Disposes every tab's content (the app is quitting). */
  public void disposeAll() {
    for (Tab tab : tabs.values()) {
      if (tab.getContent() instanceof Disposable disposable) {
        disposable.dispose();
      }
    }
  }

  /** The header tab of {@code tab}, for tests. */
  public Tab tabOf(TerminalTabModel tab) {
    return tabs.get(tab);
  }

  private void onTabsChanged(ListChangeListener.Change<? extends TerminalTabModel> change) {
    while (change.next()) {
      change.getRemoved().forEach(this::remove);
      change.getAddedSubList().forEach(this::add);
    }
  }

  private void add(TerminalTabModel tabModel) {
    Tab tab = new Tab();
    tab.setUserData(tabModel);
    tab.textProperty().bind(tabModel.titleExpression());
    Circle dot = new Circle(4);
    dot.getStyleClass().add("state-dot");
    tab.setGraphic(dot);
    tabModel.statusProperty().addListener((obs, old, now) -> paint(dot, now.state()));
    paint(dot, tabModel.status().state());
    tab.setContent(contentFactory.apply(tabModel));
    tab.setOnCloseRequest(
        e -> {
          e.consume();
          model.close(tabModel);
        });
    tabs.put(tabModel, tab);
    syncing = true;
    tabPane.getTabs().add(tab);
    syncing = false;
    select(model.selectedProperty().get());
  }

  private void remove(TerminalTabModel tabModel) {
    Tab tab = tabs.remove(tabModel);
    if (tab != null) {
      syncing = true;
      tabPane.getTabs().remove(tab);
      syncing = false;
      if (tab.getContent() instanceof Disposable disposable) {
        disposable.dispose();
      }
    }
  }

  private void select(TerminalTabModel tabModel) {
    Tab tab = tabs.get(tabModel);
    if (tab != null) {
      syncing = true;
      tabPane.getSelectionModel().select(tab);
      syncing = false;
      if (tab.getContent() instanceof Disposable disposable) {
        disposable.focus();
      }
    }
  }

  private static void paint(Circle dot, TabState state) {
    dot.getStyleClass().removeIf(c -> c.startsWith("dot-"));
    dot.getStyleClass().add("dot-" + state.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static Node emptyHint() {
    Label title = new Label("No terminal open");
    title.getStyleClass().add("title-3");
    Label hint =
        new Label(
            "Double-click a project to attach to its workspace,\n"
                + "press Ctrl+Shift+K to exec into a Kubernetes pod,\n"
                + "or Ctrl+Shift+T for a local shell.");
    hint.getStyleClass().add("text-muted");
    hint.setStyle("-fx-text-alignment: center;");
    VBox box = new VBox(8, title, hint);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("empty-hint");
    return box;
  }

  /** Tab content that wants to know when it is shown or thrown away. */
  public interface Disposable {
    /** The tab became the selected one: take the keyboard focus. */
    void focus();

    /** The tab was closed. */
    void dispose();
  }
}
