package dev.kubetty.desktop.terminal;

import atlantafx.base.theme.Styles;
import dev.kubetty.desktop.tabs.TabAction;
import dev.kubetty.desktop.tabs.TabState;
import dev.kubetty.desktop.tabs.TabStatus;
import dev.kubetty.desktop.tabs.TabsView;
import dev.kubetty.desktop.tabs.TerminalTabModel;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The view of one tab: the terminal widget with a banner above it while the connection is not live
 * (a spinner while connecting, the reason and one action button otherwise). JavaFX thread.
 */
public final class TerminalPane extends BorderPane implements TabsView.Disposable {
  private final TerminalWidget widget;
  private final TerminalTabModel model;
  private final HBox banner = new HBox(10);
  private final Label message = new Label();
  private final Button action = new Button();
  private final ProgressIndicator spinner = new ProgressIndicator();

  /**
   * Builds the pane and starts the widget on the tab's connector.
   *
   * @param onAction what the banner button does (the app routes {@link TabAction#LOG_IN} to the
   *     login dialog, everything else to the model)
   */
  public TerminalPane(TerminalTabModel model, float fontSize, Consumer<TabAction> onAction) {
    this.model = model;
    this.widget = new TerminalWidget(100, 30, new TerminalSettings(fontSize));
    getStyleClass().add("terminal-pane");
    widget.onTitle(title -> Platform.runLater(() -> model.updateOscTitle(title)));
    widget.setTtyConnector(model.session().connector());
    buildBanner(onAction);
    setTop(banner);
    setCenter(widget.getPane());
    model.statusProperty().addListener((obs, old, now) -> show(now));
    show(model.status());
    widget.start();
  }

  /** The widget, for focus, copy/paste, zoom and tests that read the screen. */
  public TerminalWidget widget() {
    return widget;
  }

  /** The tab's model. */
  public TerminalTabModel model() {
    return model;
  }

  /** Gives the terminal the keyboard focus (once laid out). */
  @Override
  public void focus() {
    Platform.runLater(() -> widget.getPreferredFocusableNode().requestFocus());
  }

  /** Stops the emulator (the session is closed by the tab model). */
  @Override
  public void dispose() {
    // JediTermFX 1.0.0's redraw timer outlives a collected panel and then throws
    // ClassCastException on every pulse; stopping it here is the only clean way out.
    widget.getTerminalPanel().dispose();
    widget.stop();
    widget.close();
  }

  private void buildBanner(Consumer<TabAction> onAction) {
    banner.getStyleClass().add("connection-banner");
    banner.setAlignment(Pos.CENTER_LEFT);
    banner.setPadding(new Insets(6, 12, 6, 12));
    spinner.setPrefSize(16, 16);
    spinner.setMaxSize(16, 16);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    action.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
    action.setMinWidth(Region.USE_PREF_SIZE);
    action.setOnAction(e -> onAction.accept((TabAction) action.getUserData()));
    banner.getChildren().addAll(spinner, message, grow, action);
  }

  private void show(TabStatus status) {
    boolean visible = status.state() != TabState.LIVE && !status.message().isBlank();
    banner.setVisible(visible);
    banner.setManaged(visible);
    banner.getStyleClass().removeAll("state-warning", "state-danger", "state-info", "state-ended");
    banner.getStyleClass().add(styleFor(status.state()));
    boolean busy = status.state() == TabState.CONNECTING || status.state() == TabState.RECONNECTING;
    spinner.setVisible(busy);
    spinner.setManaged(busy);
    message.setText(status.message());
    message.setWrapText(true);
    action.setUserData(status.action());
    action.setText(status.action().buttonText());
    action.setVisible(status.action() != TabAction.NONE);
    action.setManaged(status.action() != TabAction.NONE);
  }

  private static String styleFor(TabState state) {
    return switch (state) {
      case CONNECTING, RECONNECTING -> "state-info";
      case BUSY, TAKEN_OVER, LOGIN_REQUIRED -> "state-warning";
      case ENDED -> "state-ended";
      default -> "state-danger";
    };
  }
}
