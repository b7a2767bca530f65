package dev.kubetty.desktop.tabs;

import java.io.IOException;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open tabs, the selected one and the window title, with the commands the shortcuts and menus
 * call. Every change of the tab list is saved to the {@link OpenTabsStore} (the app reopens those
 * tabs at the next start). JavaFX thread only; needs no running toolkit.
 */
public final class TabsModel {
  private static final Logger log = LoggerFactory.getLogger(TabsModel.class);
  private static final String APP = "KubeTTY";

  private final OpenTabsStore store;
  private final ObservableList<TerminalTabModel> tabs = FXCollections.observableArrayList();
  private final ObservableList<TerminalTabModel> readOnlyTabs =
      FXCollections.unmodifiableObservableList(tabs);
  private final ObjectProperty<TerminalTabModel> selected = new SimpleObjectProperty<>();
  private final StringBinding windowTitle;
  private boolean saving = true;

  public TabsModel(OpenTabsStore store) {
    this.store = store;
    this.windowTitle =
        Bindings.createStringBinding(
            () -> {
              TerminalTabModel tab = selected.get();
              return tab == null ? APP : tab.titleExpression().get() + " · " + APP;
            },
            selected);
    selected.addListener(
        (obs, old, now) -> {
          if (now != null) {
            now.oscTitleProperty().addListener(o -> windowTitle.invalidate());
            now.nameProperty().addListener(o -> windowTitle.invalidate());
          }
        });
  }

  public ObservableList<TerminalTabModel> tabs() {
    return readOnlyTabs;
  }

  public ObjectProperty<TerminalTabModel> selectedProperty() {
    return selected;
  }

  /** "active tab — OSC title · KubeTTY", or "KubeTTY" without tabs. */
  public StringBinding windowTitle() {
    return windowTitle;
  }

  /** Adds {@code tab} after the last one, selects it and starts its session. */
  public void open(TerminalTabModel tab) {
    tabs.add(tab);
    selected.set(tab);
    save();
    tab.session().start();
  }

  /** Closes {@code tab}'s session and removes it; the neighbour to the left becomes selected. */
  public void close(TerminalTabModel tab) {
    int index = tabs.indexOf(tab);
    if (index < 0) {
      return;
    }
    tab.session().close();
    tabs.remove(index);
    if (selected.get() == tab) {
      selected.set(tabs.isEmpty() ? null : tabs.get(Math.max(0, index - 1)));
    }
    save();
  }

  /** Closes the selected tab, if any. */
  public void closeSelected() {
    if (selected.get() != null) {
      close(selected.get());
    }
  }

  /** Selects the next tab, wrapping around. */
  public void next() {
    step(1);
  }

  /** Selects the previous tab, wrapping around. */
  public void previous() {
    step(-1);
  }

  /**
   * Closes every session without forgetting the open tabs (the app is quitting; they reopen next
   * time).
   */
  public void shutDown() {
    saving = false;
    for (TerminalTabModel tab : List.copyOf(tabs)) {
      tab.session().close();
    }
  }

  private void step(int delta) {
    if (tabs.isEmpty()) {
      return;
    }
    int index = Math.max(0, tabs.indexOf(selected.get()));
    selected.set(tabs.get(Math.floorMod(index + delta, tabs.size())));
  }

  private void save() {
    if (!saving) {
      return;
    }
    try {
      store.save(tabs.stream().map(TerminalTabModel::spec).toList());
    } catch (IOException e) {
      log.warn("event=tabs-save-failed error={}", e.getMessage());
    }
  }
}
