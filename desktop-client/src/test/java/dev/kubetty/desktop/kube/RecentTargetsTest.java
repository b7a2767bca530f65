package dev.kubetty.desktop.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentTargetsTest {
  @TempDir Path dir;

  @Test
  void newestFirstWithoutDuplicatesAndKeptAcrossLoads() throws Exception {
    Path config = RecentTargets.configDirectory(Map.of("XDG_CONFIG_HOME", dir.toString()));
    RecentTargets recent = RecentTargets.load(config);
    ExecTarget web = new ExecTarget("prod", "shop", "web-0", "app");
    ExecTarget db = new ExecTarget("prod", "shop", "db-0", null);

    recent.remember(web);
    recent.remember(db);
    recent.remember(web);

    assertThat(RecentTargets.load(config).list()).containsExactly(web, db);
    assertThat(config).isEqualTo(dir.resolve("kubetty"));
  }

  @Test
  void keepsAtMostTheLimit() throws Exception {
    RecentTargets recent = RecentTargets.load(dir);
    for (int i = 0; i < RecentTargets.LIMIT + 5; i++) {
      recent.remember(new ExecTarget("c", "ns", "pod-" + i, null));
    }

    assertThat(RecentTargets.load(dir).list())
        .hasSize(RecentTargets.LIMIT)
        .first()
        .isEqualTo(new ExecTarget("c", "ns", "pod-" + (RecentTargets.LIMIT + 4), null));
  }

  @Test
  void aCorruptFileReadsAsEmpty() throws Exception {
    Files.writeString(dir.resolve("recent-exec-targets.json"), "{not json");

    assertThat(RecentTargets.load(dir).list()).isEmpty();
  }

  @Test
  void withoutXdgTheHomeConfigIsUsed() {
    assertThat(RecentTargets.configDirectory(Map.of("HOME", "/home/ann")))
        .isEqualTo(Path.of("/home/ann/.config/kubetty"));
  }
}
