package dev.kubetty.desktop.kube;

import java.util.List;

/**
 * A pod as the picker shows it.
 *
 * @param namespace its namespace
 * @param name its name
 * @param phase {@code Pending}, {@code Running}, {@code Succeeded}, {@code Failed} or {@code
 *     Unknown}
 * @param readyContainers how many containers are ready
 * @param containers the names of its (regular) containers, in spec order; the first is the default
 *     unless the pod's {@code kubectl.kubernetes.io/default-container} annotation names another
 * @param defaultContainer the container exec uses when none is chosen
 */
public record PodInfo(
    String namespace,
    String name,
    String phase,
    int readyContainers,
    List<String> containers,
    String defaultContainer) {

  /** Whether a shell can be opened in it. */
  public boolean running() {
    return "Running".equals(phase);
  }

  /** {@code Running 2/2}, {@code Pending 0/1}: phase and ready containers, as kubectl shows. */
  public String status() {
    return phase + " " + readyContainers + "/" + containers.size();
  }
}
