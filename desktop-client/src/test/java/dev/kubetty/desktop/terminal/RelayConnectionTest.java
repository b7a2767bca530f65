package dev.kubetty.desktop.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.desktop.auth.RelayCredentials;
import dev.kubetty.desktop.tabs.TabAction;
import dev.kubetty.desktop.tabs.TabState;
import dev.kubetty.desktop.tabs.TabStatus;
import dev.kubetty.desktop.testing.ConnectorReader;
import dev.kubetty.desktop.testing.RelayProcess;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tab's connection service against a real relay process, without JavaFX. */
class RelayConnectionTest {
  private static RelayProcess relay;
  private static URI ws;

  @BeforeAll
  static void start() throws Exception {
    relay = RelayProcess.start(false, Map.of());
    ws = URI.create("ws://" + relay.httpUri().getAuthority() + "/ws");
  }

  @AfterAll
  static void stop() throws Exception {
    relay.close();
  }

  @Test
  void typedCommandRunsAndCtrlDRestartsTheRelayShellWithANotice() throws Exception {
    List<TabStatus> statuses = new CopyOnWriteArrayList<>();
    try (RelayConnection connection =
        new RelayConnection(ws, RelayCredentials.none(), statuses::add)) {
      ConnectorReader reader = new ConnectorReader(connection.connector());
      connection.connect();
      awaitState(statuses, TabState.LIVE);
      connection.connector().write("echo kubetty-$((6*7))\r");
      reader.await("kubetty-42\r\n");
      connection.connector().write(new byte[] {4});
      reader.await("the shell exited with code 0");
      assertThat(connection.offset()).isPositive();
    }
  }

  @Test
  void busyAsksToTakeOverAndTheOtherTabCanTakeItBack() throws Exception {
    List<TabStatus> first = new CopyOnWriteArrayList<>();
    List<TabStatus> second = new CopyOnWriteArrayList<>();
    try (RelayTabSession a = new RelayTabSession(ws, RelayCredentials.none());
        RelayTabSession b = new RelayTabSession(ws, RelayCredentials.none())) {
      a.setStatusListener(first::add);
      b.setStatusListener(second::add);
      a.start();
      awaitState(first, TabState.LIVE);
      b.start();
      TabStatus busy = awaitState(second, TabState.BUSY);
      assertThat(busy.action()).isEqualTo(TabAction.TAKE_OVER);

      b.perform(TabAction.TAKE_OVER);
      awaitState(second, TabState.LIVE);
      assertThat(awaitState(first, TabState.TAKEN_OVER).action()).isEqualTo(TabAction.TAKE_BACK);

      a.perform(TabAction.TAKE_BACK);
      awaitState(first, TabState.LIVE);
      awaitState(second, TabState.TAKEN_OVER);
    }
  }

  @Test
  void droppedConnectionResumesWithoutLosingOrRepeatingOutput() throws Exception {
    List<TabStatus> statuses = new CopyOnWriteArrayList<>();
    try (RelayConnection connection =
        new RelayConnection(ws, RelayCredentials.none(), statuses::add)) {
      ConnectorReader reader = new ConnectorReader(connection.connector());
      connection.connect();
      awaitState(statuses, TabState.LIVE);
      connection.connector().write("seq 1 20000 | sed 's/^/n-/'; echo end-$((1+1))\r");
      reader.await("n-100\r\n");
      connection.dropConnection();
      reader.await("n-5000\r\n");
      connection.dropConnection();
      String text = plain(reader.await("end-2\r\n"));
      assertThat(statuses).extracting(TabStatus::state).contains(TabState.RECONNECTING);
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?<=[\r\n])n-(\\d+)\r\n").matcher(text);
      int expected = 1;
      while (m.find()) {
        assertThat(Integer.parseInt(m.group(1))).as("line order").isEqualTo(expected++);
      }
      assertThat(expected - 1).as("lines received").isEqualTo(20000);
      assertThat(text).doesNotContain("bytes of output were lost");
    }
  }

  @Test
  void outputTheRelayNoLongerHadIsMarkedAsAGapInTheTerminal() throws Exception {
    try (RelayProcess small =
            RelayProcess.start(
                false, Map.of("KUBETTY_BUFFER_BYTES", "1MiB", "KUBETTY_RESUME_GRACE", "500ms"));
        dev.kubetty.relay.testing.ChaosProxy proxy =
            new dev.kubetty.relay.testing.ChaosProxy(small.httpUri())) {
      List<TabStatus> statuses = new CopyOnWriteArrayList<>();
      try (RelayConnection connection =
          new RelayConnection(proxy.webSocketUri(), RelayCredentials.none(), statuses::add)) {
        ConnectorReader reader = new ConnectorReader(connection.connector());
        connection.connect();
        awaitState(statuses, TabState.LIVE);
        connection
            .connector()
            .write("sleep 1; head -c 3000000 /dev/zero | tr '\\0' x; echo; echo gap-$((6*7))\r");
        reader.await("gap-$((6*7))");
        proxy.refuse(true);
        proxy.cutAll();
        Thread.sleep(4000);
        proxy.refuse(false);
        String text = reader.await("\ngap-42");
        assertThat(text)
            .containsPattern("kubetty: \\d+ bytes of output were lost while disconnected");
      }
    }
  }

  private static String plain(String text) {
    return text.replaceAll("\u001b\\[[?0-9;]*[a-zA-Z]", "");
  }

  private static TabStatus awaitState(List<TabStatus> statuses, TabState state)
      throws InterruptedException {
    Supplier<TabStatus> found =
        () -> statuses.stream().filter(s -> s.state() == state).reduce((x, y) -> y).orElse(null);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      TabStatus status = found.get();
      if (status != null) {
        statuses.clear();
        return status;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("never " + state + "; saw " + statuses);
  }
}
