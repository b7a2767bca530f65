package dev.kubetty.desktop.tabs;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One tab: its name, the shell's OSC title, its connection status and the session behind it.
 * Properties change on the JavaFX thread only; {@link #updateStatus} and {@link #updateOscTitle}
 * are called there by the view (which hops threads), or directly in tests.
 */
public final class TerminalTabModel {
  private final TabSpec spec;
  private final TabSession session;
  private final StringProperty name = new SimpleStringProperty();
  private final StringProperty oscTitle = new SimpleStringProperty("");
  private final ObjectProperty<TabStatus> status =
      new SimpleObjectProperty<>(TabStatus.connecting());

  /**
   * A tab named {@code name} over {@code session}; status changes from the session's threads are
   * applied through {@code uiThread} ({@code Platform::runLater} in the app).
   */
  public TerminalTabModel(
      TabSpec spec, String name, TabSession session, java.util.concurrent.Executor uiThread) {
    this.spec = spec;
    this.session = session;
    this.name.set(name);
    session.setStatusListener(next -> uiThread.execute(() -> updateStatus(next)));
  }

  public TabSpec spec() {
    return spec;
  }

  public TabSession session() {
    return session;
  }

  public ReadOnlyStringProperty nameProperty() {
    return name;
  }

  /** The title the shell set with OSC 0/2, empty if none. */
  public ReadOnlyStringProperty oscTitleProperty() {
    return oscTitle;
  }

  public ReadOnlyObjectProperty<TabStatus> statusProperty() {
    return status;
  }

  public TabStatus status() {
    return status.get();
  }

  /** "name — osc title", or the name alone. */
  public StringExpression titleExpression() {
    return Bindings.createStringBinding(
        () -> oscTitle.get().isBlank() ? name.get() : name.get() + " — " + oscTitle.get(),
        name,
        oscTitle);
  }

  public void updateStatus(TabStatus next) {
    status.set(next);
  }

  public void updateOscTitle(String title) {
    oscTitle.set(title == null ? "" : title.strip());
  }

  /** Carries out the banner's action on the session. */
  public void perform(TabAction action) {
    session.perform(action);
  }
}
