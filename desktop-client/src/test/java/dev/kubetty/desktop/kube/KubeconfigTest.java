package dev.kubetty.desktop.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubetty.testing.kube.FakePod;
import dev.kubetty.testing.kube.Kubeconfigs;
import dev.kubetty.testing.kube.MockCluster;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kubeconfig discovery and merging, against a real (mock) API server. */
class KubeconfigTest {
  @TempDir Path dir;
  private MockCluster cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = MockCluster.start();
    cluster.add(FakePod.running("team-a", "web-0", "app")).addNamespace("team-b");
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void mergesAMultiFileKubeconfigAsKubectlDoes() throws Exception {
    // File 1: context alpha (current) + its cluster and user; beta's user lives here too.
    Path first =
        write(
            "first.yaml",
            "apiVersion: v1\nkind: Config\ncurrent-context: alpha\n"
                + Kubeconfigs.clusters(cluster.url(), "alpha")
                + Kubeconfigs.contexts("alpha", "team-a")
                + "users:\n- name: alpha\n  user:\n    token: t-alpha\n"
                + "- name: beta\n  user:\n    token: t-beta\n");
    // File 2: context beta and its cluster; a second "alpha" that must lose; its own current
    // context that must be ignored.
    Path second =
        write(
            "second.yaml",
            "apiVersion: v1\nkind: Config\ncurrent-context: beta\n"
                + Kubeconfigs.clusters(cluster.url(), "beta")
                + "contexts:\n- name: beta\n  context:\n    cluster: beta\n    user: beta\n"
                + "    namespace: team-b\n"
                + "- name: alpha\n  context:\n    cluster: beta\n    user: beta\n");
    String list =
        first + File.pathSeparator + dir.resolve("missing.yaml") + File.pathSeparator + second;

    Kubeconfig kubeconfig = Kubeconfig.load(Map.of("KUBECONFIG", list, "HOME", dir.toString()));

    assertThat(kubeconfig.files()).containsExactly(first, second);
    assertThat(kubeconfig.contexts())
        .extracting(Kubeconfig.KubeContext::name)
        .containsExactly("alpha", "beta");
    assertThat(kubeconfig.currentContext().orElseThrow().name()).isEqualTo("alpha");
    assertThat(kubeconfig.context("alpha").orElseThrow().namespace()).isEqualTo("team-a");
    assertThat(kubeconfig.context("beta").orElseThrow().namespace()).isEqualTo("team-b");

    cluster.requireToken("t-beta");
    try (KubeCluster beta = KubeCluster.connect(kubeconfig, "beta")) {
      // beta's user (file 1) and cluster (file 2) come from different files.
      assertThat(beta.defaultNamespace()).isEqualTo("team-b");
      assertThat(beta.namespaces()).containsExactly("team-a", "team-b");
      assertThat(beta.pods("team-a"))
          .extracting(PodInfo::name, PodInfo::status, PodInfo::containers)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "web-0", "Running 1/1", java.util.List.of("app")));
    }
  }

  @Test
  void withoutKubeconfigVariableReadsTheHomeConfig() throws Exception {
    Path kube = Files.createDirectories(dir.resolve(".kube"));
    Files.writeString(kube.resolve("config"), cluster.kubeconfig("home", "team-a", null));

    Kubeconfig kubeconfig = Kubeconfig.load(Map.of("HOME", dir.toString()));

    assertThat(kubeconfig.files()).containsExactly(kube.resolve("config"));
    assertThat(kubeconfig.currentContext().orElseThrow().name()).isEqualTo("home");
  }

  @Test
  void noKubeconfigAtAllIsEmptyAndAnUnknownContextIsExplained() {
    Kubeconfig kubeconfig = Kubeconfig.load(Map.of("HOME", dir.toString()));

    assertThat(kubeconfig.contexts()).isEmpty();
    assertThat(kubeconfig.currentContext()).isEmpty();
    assertThatThrownBy(() -> kubeconfig.clientConfig("prod"))
        .isInstanceOfSatisfying(
            KubeException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(KubeProblem.KUBECONFIG);
              assertThat(e.getMessage()).contains("no context \"prod\"");
            });
  }

  @Test
  void aBrokenFileIsNamed() throws Exception {
    Path broken = write("broken.yaml", "clusters: [: nope");

    assertThatThrownBy(() -> Kubeconfig.load(java.util.List.of(broken)))
        .isInstanceOfSatisfying(
            KubeException.class, e -> assertThat(e.getMessage()).contains(broken.toString()));
  }

  private Path write(String name, String yaml) throws Exception {
    return Files.writeString(dir.resolve(name), yaml);
  }
}
