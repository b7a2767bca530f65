package dev.kubetty.desktop.tabs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.desktop.terminal.LocalShellConnector;
import dev.kubetty.desktop.terminal.LocalTabSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab list, selection, window title and reopening, with real local shells and no toolkit. */
class TabsModelTest {
  @TempDir Path config;
  @TempDir Path home;
  private TabsModel model;

  @AfterEach
  void closeShells() {
    if (model != null) {
      model.shutDown();
    }
  }

  @Test
  void openCloseAndCycleKeepSelectionAndSavedTabsInStep() throws IOException {
    model = new TabsModel(new OpenTabsStore(config));
    assertThat(model.windowTitle().get()).isEqualTo("KubeTTY");
    TerminalTabModel one = localTab("one");
    TerminalTabModel two = relayTabWithoutSession("p-2");
    TerminalTabModel three = localTab("three");
    model.open(one);
    model.open(two);
    model.open(three);
    assertThat(model.selectedProperty().get()).isSameAs(three);

    model.next();
    assertThat(model.selectedProperty().get()).isSameAs(one);
    model.previous();
    assertThat(model.selectedProperty().get()).isSameAs(three);
    model.previous();
    assertThat(model.selectedProperty().get()).isSameAs(two);

    model.close(two);
    assertThat(model.selectedProperty().get()).isSameAs(one);
    assertThat(new OpenTabsStore(config).load()).containsExactly(TabSpec.local(), TabSpec.local());
  }

  @Test
  void windowTitleFollowsTheSelectedTabAndItsShellTitle() throws IOException {
    model = new TabsModel(new OpenTabsStore(config));
    TerminalTabModel one = localTab("one");
    TerminalTabModel two = localTab("two");
    model.open(one);
    model.open(two);
    assertThat(model.windowTitle().get()).isEqualTo("two · KubeTTY");
    two.updateOscTitle("vim notes.txt");
    assertThat(model.windowTitle().get()).isEqualTo("two — vim notes.txt · KubeTTY");
    model.selectedProperty().set(one);
    assertThat(model.windowTitle().get()).isEqualTo("one · KubeTTY");
    model.closeSelected();
    model.closeSelected();
    assertThat(model.windowTitle().get()).isEqualTo("KubeTTY");
    assertThat(new OpenTabsStore(config).load()).isEmpty();
  }

  @Test
  void quittingKeepsTheOpenTabsForTheNextStart() throws IOException {
    model = new TabsModel(new OpenTabsStore(config));
    model.open(relayTabWithoutSession("p-1"));
    model.open(localTab("local"));
    model.shutDown();
    assertThat(model.tabs()).hasSize(2);
    assertThat(new OpenTabsStore(config).load())
        .containsExactly(TabSpec.relay("p-1"), TabSpec.local());
  }

  @Test
  void aLocalShellTabIsLiveThenExited() throws Exception {
    model = new TabsModel(new OpenTabsStore(config));
    TerminalTabModel tab = localTab("local");
    model.open(tab);
    assertThat(tab.status().state()).isEqualTo(TabState.LIVE);
    tab.session().connector().write("exit 3\n");
    for (int i = 0; i < 200 && tab.status().state() != TabState.EXITED; i++) {
      Thread.sleep(25);
    }
    assertThat(tab.status()).isEqualTo(TabStatus.exited(3));
  }

  private TerminalTabModel localTab(String name) throws IOException {
    LocalShellConnector shell =
        LocalShellConnector.start(Map.of("HOME", home.toString(), "SHELL", "/bin/bash"), 80, 24);
    return new TerminalTabModel(TabSpec.local(), name, new LocalTabSession(shell), Runnable::run);
  }

  /** A relay tab to an address nobody listens on: its session fails to connect, harmlessly. */
  private TerminalTabModel relayTabWithoutSession(String projectId) {
    var session =
        new dev.kubetty.desktop.terminal.RelayTabSession(
            java.net.URI.create("ws://127.0.0.1:9/ws"),
            dev.kubetty.desktop.auth.RelayCredentials.none());
    return new TerminalTabModel(
        TabSpec.relay(projectId), "relay " + projectId, session, Runnable::run);
  }
}
