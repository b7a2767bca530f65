package dev.kubetty.testing.kube;

import java.util.List;
import java.util.Set;

/**
 * A pod the {@link MockCluster} serves.
 *
 * @param namespace its namespace
 * @param name its name
 * @param phase {@code Running}, {@code Pending}, {@code Succeeded}, {@code Failed}; only a running
 *     pod is reported ready
 * @param containers its containers, in spec order
 */
public record FakePod(String namespace, String name, String phase, List<FakeContainer> containers) {

  /**
   * A container.
   *
   * @param name its name
   * @param missing program names (such as {@code bash}) this container's image does not have: an
   *     exec of one of them fails the way containerd reports it
   */
  public record FakeContainer(String name, Set<String> missing) {
    /** A container with every program of the test machine. */
    public static FakeContainer full(String name) {
      return new FakeContainer(name, Set.of());
    }

    /** A container whose image has no bash (busybox-like): only {@code sh}. */
    public static FakeContainer withoutBash(String name) {
      return new FakeContainer(name, Set.of("bash"));
    }
  }

  /** A running pod with one full container. */
  public static FakePod running(String namespace, String name, String container) {
    return new FakePod(namespace, name, "Running", List.of(FakeContainer.full(container)));
  }

  /** A copy in another phase. */
  public FakePod withPhase(String newPhase) {
    return new FakePod(namespace, name, newPhase, containers);
  }

  FakeContainer container(String containerName) {
    if (containerName == null) {
      return containers.getFirst();
    }
    return containers.stream().filter(c -> c.name().equals(containerName)).findFirst().orElse(null);
  }
}
