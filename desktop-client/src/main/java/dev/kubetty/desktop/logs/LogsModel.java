package dev.kubetty.desktop.logs;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The logs window's state: the current page of entries, search text, paging (first / next /
 * previous) and a busy flag. Loads run on {@code background} and results are applied on {@code
 * uiThread}. Needs no running toolkit.
 */
public final class LogsModel {
  private final LogsService service;
  private final Executor background;
  private final Executor uiThread;
  private final ObservableList<LogsService.Entry> entries = FXCollections.observableArrayList();
  private final StringProperty search = new SimpleStringProperty("");
  private final StringProperty status = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanProperty hasNext = new SimpleBooleanProperty();
  private final BooleanProperty hasPrevious = new SimpleBooleanProperty();
  private final Deque<Long> previousStarts = new ArrayDeque<>();
  private long currentStart;
  private long nextStart = -1;

  public LogsModel(LogsService service, Executor background, Executor uiThread) {
    this.service = service;
    this.background = background;
    this.uiThread = uiThread;
  }

  public ObservableList<LogsService.Entry> entries() {
    return entries;
  }

  public StringProperty searchProperty() {
    return search;
  }

  /** "Page 2 · 200 entries", or the error. */
  public StringProperty statusProperty() {
    return status;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public BooleanProperty hasNextProperty() {
    return hasNext;
  }

  public BooleanProperty hasPreviousProperty() {
    return hasPrevious;
  }

  /** Loads the first page for the current search. */
  public void first() {
    previousStarts.clear();
    load(0);
  }

  /** Loads the next page, if there is one. */
  public void next() {
    if (nextStart >= 0) {
      previousStarts.push(currentStart);
      load(nextStart);
    }
  }

  /** Goes back one page. */
  public void previous() {
    if (!previousStarts.isEmpty()) {
      load(previousStarts.pop());
    }
  }

  private void load(long from) {
    busy.set(true);
    String query = search.get();
    background.execute(
        () -> {
          try {
            LogsService.Page page = service.page(from, query);
            uiThread.execute(() -> show(from, page));
          } catch (IOException e) {
            uiThread.execute(() -> fail(e.getMessage()));
          }
        });
  }

  private void show(long from, LogsService.Page page) {
    currentStart = from;
    nextStart = page.next();
    entries.setAll(page.entries());
    hasNext.set(nextStart >= 0);
    hasPrevious.set(!previousStarts.isEmpty());
    status.set(
        "Page "
            + (previousStarts.size() + 1)
            + " · "
            + page.entries().size()
            + " entries"
            + (search.get().isBlank() ? "" : " matching \"" + search.get() + "\""));
    busy.set(false);
  }

  private void fail(String message) {
    status.set(message);
    busy.set(false);
  }
}
