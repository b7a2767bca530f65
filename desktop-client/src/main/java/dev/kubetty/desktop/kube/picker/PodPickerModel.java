package dev.kubetty.desktop.kube.picker;

import dev.kubetty.desktop.kube.ClusterBrowser;
import dev.kubetty.desktop.kube.ExecTarget;
import dev.kubetty.desktop.kube.KubeException;
import dev.kubetty.desktop.kube.Kubeconfig;
import dev.kubetty.desktop.kube.PodInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pod picker's state and commands: context → namespace → pod and container, a filter over the
 * list, the recent targets on top, what is loading and what went wrong.
 *
 * <p>Loads run through {@code background} (never the UI thread) and their results are applied
 * through {@code ui}; a result that arrives after the user chose something else is dropped.
 * Properties change on the UI thread only. Needs no running toolkit: tests pass direct executors.
 */
public final class PodPickerModel {
  private final ClusterBrowser browser;
  private final List<ExecTarget> recent;
  private final Executor background;
  private final Executor ui;
  private final ObservableList<String> contexts = FXCollections.observableArrayList();
  private final ObservableList<String> namespaces = FXCollections.observableArrayList();
  private final ObservableList<PickerRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper context = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper namespace = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper namespacesListed = new ReadOnlyBooleanWrapper(true);
  private final StringProperty filter = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper loading = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
  private Kubeconfig kubeconfig;
  private List<PodInfo> pods = List.of();
  private int generation;

  /**
   * @param recent the recent targets, newest first
   */
  public PodPickerModel(
      ClusterBrowser browser, List<ExecTarget> recent, Executor background, Executor ui) {
    this.browser = browser;
    this.recent = List.copyOf(recent);
    this.background = background;
    this.ui = ui;
    filter.addListener((obs, old, now) -> refilter());
    refilter();
  }

  public ObservableList<String> contexts() {
    return contexts;
  }

  public ObservableList<String> namespaces() {
    return namespaces;
  }

  /** Recent targets, then the containers of the namespace's pods, both narrowed by the filter. */
  public ObservableList<PickerRow> rows() {
    return rows;
  }

  public ReadOnlyStringProperty contextProperty() {
    return context.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty namespaceProperty() {
    return namespace.getReadOnlyProperty();
  }

  /** False when the cluster forbids listing namespaces: the user types one. */
  public ReadOnlyBooleanProperty namespacesListedProperty() {
    return namespacesListed.getReadOnlyProperty();
  }

  /** Words separated by spaces; a row shows when it contains every one (any case). */
  public StringProperty filterProperty() {
    return filter;
  }

  /** What is loading ("Loading pods…"), empty when nothing is. */
  public ReadOnlyStringProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** The last failure in plain words, empty when none. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Advice that is not an error (how to go on when namespaces cannot be listed), or empty. */
  public ReadOnlyStringProperty hintProperty() {
    return hint.getReadOnlyProperty();
  }

  /** Reads the kubeconfig and selects its current context (else its first). */
  public void start() {
    int mine = begin("Reading your kubeconfig…");
    load(
        mine,
        browser::kubeconfig,
        config -> {
          kubeconfig = config;
          contexts.setAll(config.contexts().stream().map(Kubeconfig.KubeContext::name).toList());
          if (contexts.isEmpty()) {
            error.set(
                "No kubeconfig contexts found. Set KUBECONFIG or create ~/.kube/config"
                    + " (kubectl config view shows what kubectl sees).");
            return;
          }
          chooseContext(
              config
                  .currentContext()
                  .map(Kubeconfig.KubeContext::name)
                  .orElse(contexts.getFirst()));
        });
  }

  /** Switches to {@code name} and loads its namespaces, then the pods of its own namespace. */
  public void chooseContext(String name) {
    if (name == null || name.isBlank() || kubeconfig == null) {
      return;
    }
    context.set(name);
    hint.set("");
    namespaces.clear();
    showPods(List.of());
    String own =
        kubeconfig.context(name).map(Kubeconfig.KubeContext::namespaceOrDefault).orElse("default");
    int mine = begin("Loading namespaces of " + name + "…");
    load(
        mine,
        () -> browser.namespaces(name),
        found -> {
          namespacesListed.set(found.listed());
          namespaces.setAll(found.names());
          if (!found.listed()) {
            hint.set(
                "You may not list the namespaces of this cluster. Type a namespace and press"
                    + " Enter (showing "
                    + own
                    + ", the context's own).");
          }
          boolean hasOwn = found.names().contains(own) || found.names().isEmpty();
          chooseNamespace(hasOwn ? own : found.names().getFirst());
        });
  }

  /** Switches to namespace {@code name} (listed or typed) and loads its pods. */
  public void chooseNamespace(String name) {
    if (name == null || name.isBlank() || context.get().isEmpty()) {
      return;
    }
    String ns = name.strip();
    namespace.set(ns);
    showPods(List.of());
    String ctx = context.get();
    int mine = begin("Loading pods in " + ns + "…");
    load(mine, () -> browser.pods(ctx, ns), this::showPods);
  }

  /** Loads the chosen namespace's pods again. */
  public void refresh() {
    if (!namespace.get().isEmpty()) {
      chooseNamespace(namespace.get());
    } else if (!context.get().isEmpty()) {
      chooseContext(context.get());
    } else {
      start();
    }
  }

  /**
   * The target to open for {@code row}; empty, with the reason as the error, when its pod is not
   * running.
   */
  public Optional<ExecTarget> choose(PickerRow row) {
    if (row instanceof PickerRow.Container c && !c.pod().running()) {
      error.set(
          "Pod "
              + c.pod().name()
              + " is "
              + c.pod().phase()
              + ", not running: a shell can only be opened in a running pod.");
      return Optional.empty();
    }
    return Optional.ofNullable(row).map(PickerRow::target);
  }

  private int begin(String what) {
    generation++;
    loading.set(what);
    error.set("");
    return generation;
  }

  private <T> void load(int mine, Supplier<T> work, java.util.function.Consumer<T> apply) {
    background.execute(
        () -> {
          T result;
          try {
            result = work.get();
          } catch (KubeException e) {
            ui.execute(() -> failed(mine, e.getMessage()));
            return;
          } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            ui.execute(() -> failed(mine, "Something went wrong: " + message));
            return;
          }
          ui.execute(
              () -> {
                if (mine == generation) {
                  loading.set("");
                  apply.accept(result);
                }
              });
        });
  }

  private void failed(int mine, String message) {
    if (mine == generation) {
      loading.set("");
      error.set(message);
    }
  }

  private void showPods(List<PodInfo> found) {
    pods = found;
    refilter();
  }

  private void refilter() {
    String[] words =
        Arrays.stream(filter.get().toLowerCase(Locale.ROOT).split("\\s+"))
            .filter(w -> !w.isEmpty())
            .toArray(String[]::new);
    List<PickerRow> next = new ArrayList<>();
    for (ExecTarget target : recent) {
      add(next, new PickerRow.Recent(target), words);
    }
    for (PodInfo pod : pods) {
      for (String container : pod.containers()) {
        add(next, new PickerRow.Container(context.get(), pod, container), words);
      }
    }
    rows.setAll(next);
  }

  private static void add(List<PickerRow> rows, PickerRow row, String[] words) {
    String text = row.searchText();
    for (String word : words) {
      if (!text.contains(word)) {
        return;
      }
    }
    rows.add(row);
  }
}
