package dev.kubetty.desktop.kube;

import java.util.Objects;

/**
 * Where to open a shell: a container of a pod, in a namespace, through a kubeconfig context.
 *
 * @param context the kubeconfig context name
 * @param namespace the pod's namespace
 * @param pod the pod's name
 * @param container the container's name; {@code null} picks the pod's default container
 */
public record ExecTarget(String context, String namespace, String pod, String container) {
  public ExecTarget {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(pod, "pod");
  }

  /** {@code context › namespace/pod[/container]}, for tab titles and lists. */
  public String label() {
    return context + " › " + namespace + "/" + pod + (container == null ? "" : "/" + container);
  }
}
