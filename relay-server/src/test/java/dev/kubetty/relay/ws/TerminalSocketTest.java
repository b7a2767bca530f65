package dev.kubetty.relay.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.ErrorReply;
import dev.kubetty.protocol.ControlMessage.Exit;
import dev.kubetty.protocol.ControlMessage.Ping;
import dev.kubetty.protocol.ControlMessage.Pong;
import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.protocol.ControlMessage.Resize;
import dev.kubetty.relay.testing.RelayExtension;
import dev.kubetty.relay.testing.TestSocket;
import dev.kubetty.relay.testing.TestSocket.Event;
import dev.kubetty.relay.testing.TestSocket.Text;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real relay with a real bash on a real PTY, driven over a real WebSocket. */
class TerminalSocketTest {
  @RegisterExtension static final RelayExtension relay = new RelayExtension();

  @Test
  void echoRoundTrip() {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      Ready ready = client.hello(80, 24, null, false, null);
      assertThat(ready.session()).isEqualTo("default");
      assertThat(ready.window()).isEqualTo(1 << 20);
      client.type("echo kubetty-$((6*7))\r");
      assertThat(client.readUntil("kubetty-42")).contains("kubetty-42");
    }
  }

  @Test
  void sttySizeFollowsResize() {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello(100, 30, null, false, null);
      client.type("echo size-$(stty size | tr ' ' x)\r");
      client.readUntil("size-30x100");
      client.send(new Resize(132, 43));
      client.type("echo size-$(stty size | tr ' ' x)\r");
      client.readUntil("size-43x132");
    }
  }

  @Test
  void resizeOutOfRangeIsRefusedAndSocketStaysOpen() {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello();
      client.send(new Resize(0, 24));
      Event event = nextControl(client);
      assertThat(event)
          .isInstanceOfSatisfying(
              Text.class,
              t ->
                  assertThat(t.message())
                      .isInstanceOfSatisfying(
                          ErrorReply.class,
                          e -> assertThat(e.code()).isEqualTo("resize_out_of_range")));
      client.send(new Ping());
      assertThat(nextControl(client)).isEqualTo(new Text(new Pong()));
    }
  }

  @Test
  void shellExitIsReportedInOrderAndANewShellStarts() {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello();
      client.type("echo before-exit; exit 3\r");
      client.readUntil("before-exit\r\n");
      assertThat(client.awaitExit()).isEqualTo(3);
      client.type("echo after-$((40+2))\r");
      client.readUntil("after-42");
    }
  }

  @Test
  void ctrlCStopsAFloodQuickly() {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello();
      client.type("yes flood-line\r");
      client.readUntil("flood-line\r\nflood-line\r\n");
      long sent = System.nanoTime();
      client.type("\u0003");
      client.type("echo stopped-$((6*7))\r");
      client.readUntil("stopped-42", Duration.ofSeconds(5));
      long millis = (System.nanoTime() - sent) / 1_000_000;
      System.out.println("Ctrl-C to prompt: " + millis + " ms");
      assertThat(millis).as("Ctrl-C to next prompt").isLessThan(1_000);
    }
  }

  /** The next event that is not output; history replay may carry exits of earlier tests. */
  private static Event nextControl(TestSocket client) {
    while (true) {
      Event event = client.next();
      if (!(event instanceof TestSocket.Binary)
          && !(event instanceof Text t && t.message() instanceof Exit)) {
        return event;
      }
    }
  }
}
