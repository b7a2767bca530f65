package dev.kubetty.desktop.kube.picker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.desktop.kube.ClusterBrowser;
import dev.kubetty.desktop.kube.ExecTarget;
import dev.kubetty.testing.kube.FakePod;
import dev.kubetty.testing.kube.FakePod.FakeContainer;
import dev.kubetty.testing.kube.Kubeconfigs;
import dev.kubetty.testing.kube.MockCluster;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picker's model against a real (mock) API server, without a UI: loads run inline. */
class PodPickerModelTest {
  @TempDir Path dir;
  private MockCluster cluster;
  private ClusterBrowser browser;

  @BeforeEach
  void start() throws Exception {
    cluster = MockCluster.start();
    cluster
        .add(FakePod.running("team-a", "web-0", "app"))
        .add(
            new FakePod(
                "team-a",
                "api-0",
                "Running",
                List.of(FakeContainer.full("app"), FakeContainer.full("sidecar"))))
        .add(FakePod.running("team-a", "pending-0", "app").withPhase("Pending"))
        .add(FakePod.running("team-b", "worker-0", "main"));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    cluster.close();
  }

  /** Two files: context alpha (current, team-a) in the first, beta (team-b) in the second. */
  static Map<String, String> twoFileKubeconfig(Path dir, String server) throws Exception {
    return Map.of("KUBECONFIG", Kubeconfigs.twoFiles(dir, server), "HOME", dir.toString());
  }

  private PodPickerModel model(Map<String, String> env, List<ExecTarget> recent) {
    browser = new ClusterBrowser(env);
    return new PodPickerModel(browser, recent, Runnable::run, Runnable::run);
  }

  private static List<String> labels(PodPickerModel model) {
    return model.rows().stream()
        .map(
            r ->
                switch (r) {
                  case PickerRow.Recent recent -> "recent " + recent.target().label();
                  case PickerRow.Container c ->
                      c.pod().name() + "/" + c.container() + " " + c.pod().status();
                })
        .toList();
  }

  @Test
  void listsContextsOfAMergedKubeconfigThenNamespacesThenPodsWithStatus() throws Exception {
    PodPickerModel model = model(twoFileKubeconfig(dir, cluster.url()), List.of());

    model.start();

    assertThat(model.contexts()).containsExactly("alpha", "beta");
    assertThat(model.contextProperty().get()).isEqualTo("alpha");
    assertThat(model.namespaces()).containsExactly("team-a", "team-b");
    assertThat(model.namespaceProperty().get()).isEqualTo("team-a");
    assertThat(labels(model))
        .containsExactly(
            "api-0/app Running 2/2",
            "api-0/sidecar Running 2/2",
            "pending-0/app Pending 0/1",
            "web-0/app Running 1/1");
    assertThat(model.loadingProperty().get()).isEmpty();
    assertThat(model.errorProperty().get()).isEmpty();

    model.chooseContext("beta");

    assertThat(model.namespaceProperty().get()).isEqualTo("team-b");
    assertThat(labels(model)).containsExactly("worker-0/main Running 1/1");
    assertThat(model.rows().getFirst().target())
        .isEqualTo(new ExecTarget("beta", "team-b", "worker-0", "main"));
  }

  @Test
  void typingNarrowsTheListWordByWordAndRecentTargetsComeFirst() throws Exception {
    ExecTarget recent = new ExecTarget("alpha", "team-a", "web-0", "app");
    PodPickerModel model = model(twoFileKubeconfig(dir, cluster.url()), List.of(recent));
    model.start();
    assertThat(labels(model).getFirst()).isEqualTo("recent alpha › team-a/web-0/app");

    model.filterProperty().set("SIDE");
    assertThat(labels(model)).containsExactly("api-0/sidecar Running 2/2");

    model.filterProperty().set("web app");
    assertThat(labels(model))
        .containsExactly("recent alpha › team-a/web-0/app", "web-0/app Running 1/1");

    model.filterProperty().set("");
    assertThat(model.rows()).hasSize(5);
  }

  @Test
  void aPodThatIsNotRunningIsMarkedAndNotOpened() throws Exception {
    PodPickerModel model = model(twoFileKubeconfig(dir, cluster.url()), List.of());
    model.start();
    model.filterProperty().set("pending");

    assertThat(model.choose(model.rows().getFirst())).isEmpty();
    assertThat(model.errorProperty().get())
        .isEqualTo(
            "Pod pending-0 is Pending, not running: a shell can only be opened in a running pod.");
    model.filterProperty().set("web");
    assertThat(model.choose(model.rows().getFirst()))
        .contains(new ExecTarget("alpha", "team-a", "web-0", "app"));
  }

  @Test
  void whenNamespacesMayNotBeListedTheUserTypesOne() throws Exception {
    cluster.forbidNamespaceList();
    PodPickerModel model = model(twoFileKubeconfig(dir, cluster.url()), List.of());

    model.start();

    assertThat(model.namespacesListedProperty().get()).isFalse();
    assertThat(model.namespaces()).containsExactly("team-a");
    assertThat(model.hintProperty().get())
        .contains("You may not list the namespaces")
        .contains("Type a namespace");
    assertThat(model.errorProperty().get()).isEmpty();
    assertThat(model.rows()).hasSize(4);

    model.chooseNamespace(" team-b ");

    assertThat(labels(model)).containsExactly("worker-0/main Running 1/1");
  }

  @Test
  void anUnreachableClusterIsSaidPlainly() throws Exception {
    PodPickerModel model = model(twoFileKubeconfig(dir, MockCluster.unreachableUrl()), List.of());

    model.start();

    assertThat(model.contexts()).containsExactly("alpha", "beta");
    assertThat(model.errorProperty().get())
        .startsWith("Cannot reach the cluster of context alpha at http://127.0.0.1:")
        .doesNotContain("Exception");
    assertThat(model.loadingProperty().get()).isEmpty();
  }

  @Test
  void expiredCredentialsAreSaidPlainly() throws Exception {
    cluster.requireToken("a-newer-token");
    PodPickerModel model = model(twoFileKubeconfig(dir, cluster.url()), List.of());

    model.start();

    assertThat(model.errorProperty().get())
        .contains("rejected the credentials of context alpha")
        .contains("Log in again");
  }

  @Test
  void withoutAnyKubeconfigTheRecentTargetsStayAndTheUserIsTold() {
    ExecTarget recent = new ExecTarget("prod", "shop", "web-0", null);
    PodPickerModel model = model(Map.of("HOME", dir.toString()), List.of(recent));

    model.start();

    assertThat(model.contexts()).isEmpty();
    assertThat(model.errorProperty().get()).startsWith("No kubeconfig contexts found.");
    assertThat(model.rows()).containsExactly(new PickerRow.Recent(recent));
  }

  @Test
  void loadsRunInTheBackgroundAndALateAnswerForAnOldChoiceIsDropped() throws Exception {
    Deque<Runnable> queued = new ArrayDeque<>();
    browser = new ClusterBrowser(twoFileKubeconfig(dir, cluster.url()));
    PodPickerModel model = new PodPickerModel(browser, List.of(), queued::add, Runnable::run);

    model.start();
    assertThat(model.loadingProperty().get()).isEqualTo("Reading your kubeconfig…");
    assertThat(model.contexts()).isEmpty();
    queued.removeFirst().run(); // kubeconfig
    queued.removeFirst().run(); // namespaces of alpha
    assertThat(model.loadingProperty().get()).isEqualTo("Loading pods in team-a…");
    Runnable teamA = queued.removeFirst();

    model.chooseNamespace("team-b");
    queued.removeFirst().run();
    teamA.run(); // arrives last, for a namespace no longer chosen

    assertThat(labels(model)).containsExactly("worker-0/main Running 1/1");
    assertThat(model.loadingProperty().get()).isEmpty();
  }
}
