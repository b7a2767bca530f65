package dev.kubetty.desktop.kube.picker;

import dev.kubetty.desktop.kube.ExecTarget;
import dev.kubetty.desktop.kube.PodInfo;
import java.util.Locale;

/** One line of the pod picker's list: a recent target, or a container of a listed pod. */
public sealed interface PickerRow {
  /** Where Enter on this row opens a shell. */
  ExecTarget target();

  /** Lower-case text the filter words are looked for in. */
  String searchText();

  /**
   * A target opened before, offered at the top for a one-Enter reopen.
   *
   * @param target the target
   */
  record Recent(ExecTarget target) implements PickerRow {
    @Override
    public String searchText() {
      return target.label().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A container of a pod of the chosen namespace (a pod with three containers has three rows).
   *
   * @param context the context it was listed through
   * @param pod the pod
   * @param container one of its containers
   */
  record Container(String context, PodInfo pod, String container) implements PickerRow {
    @Override
    public ExecTarget target() {
      return new ExecTarget(context, pod.namespace(), pod.name(), container);
    }

    /** Whether the pod has more than this one container. */
    public boolean oneOfSeveral() {
      return pod.containers().size() > 1;
    }

    @Override
    public String searchText() {
      return (pod.name() + " " + container + " " + pod.phase()).toLowerCase(Locale.ROOT);
    }
  }
}
