package dev.kubetty.desktop.tabs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.desktop.kube.ExecTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exec tabs in {@code tabs.json}: saved with their target, and older files still read. */
class OpenTabsStoreExecTest {
  @TempDir Path dir;

  @Test
  void execTabsAreSavedWithTheirTargetBesideTheOtherKinds() throws Exception {
    OpenTabsStore store = new OpenTabsStore(dir);
    TabSpec exec = TabSpec.exec(new ExecTarget("prod", "shop", "web-0", "app"));

    store.save(List.of(TabSpec.relay("p-1"), exec, TabSpec.local()));

    assertThat(new OpenTabsStore(dir).load())
        .containsExactly(TabSpec.relay("p-1"), exec, TabSpec.local());
    assertThat(new OpenTabsStore(dir).load().get(1).isExec()).isTrue();
    assertThat(Files.readString(dir.resolve("tabs.json")))
        .contains("\"kind\" : \"exec\"")
        .contains("\"pod\" : \"web-0\"");
  }

  @Test
  void aFileFromBeforeExecTabsStillReads() throws Exception {
    Files.writeString(
        dir.resolve("tabs.json"),
        "[{\"kind\":\"relay\",\"projectId\":\"p-1\"},{\"kind\":\"local\",\"projectId\":null}]");

    assertThat(new OpenTabsStore(dir).load())
        .containsExactly(TabSpec.relay("p-1"), TabSpec.local())
        .noneMatch(TabSpec::isExec);
  }
}
