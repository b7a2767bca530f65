package dev.kubetty.relay.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.ChaosProxy;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.TestSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A peer that vanishes without closing is detached within the peer timeout. */
class KeepAliveTest {
  @Test
  void silentPeerIsDetachedWithinThePeerTimeout() throws Exception {
    Map<String, String> env =
        Map.of("KUBETTY_PING_INTERVAL", "500ms", "KUBETTY_PEER_TIMEOUT", "2s");
    try (RelayServer relay = RelayFixture.start(env);
        ChaosProxy network = new ChaosProxy(relay.webSocketUri());
        TestSocket vanishing = TestSocket.open(network.webSocketUri())) {
      vanishing.hello(80, 24, null, false, "laptop");
      vanishing.type("echo before-$((6*7))\r");
      vanishing.readUntil("before-42");
      network.freeze();
      long frozenAt = System.nanoTime();

      assertThat(tryAttach(relay)).as("the vanished peer still holds the session").isFalse();
      while (!tryAttach(relay)) {
        Thread.sleep(100);
      }
      long millis = (System.nanoTime() - frozenAt) / 1_000_000;
      assertThat(millis).as("ms until the silent peer was detached").isBetween(1_000L, 3_500L);
    }
  }

  /** Whether a new client with another id attaches (true) or is told busy (false). */
  private static boolean tryAttach(RelayServer relay) {
    try (TestSocket probe = TestSocket.open(relay.webSocketUri())) {
      probe.send(new Hello(80, 24, null, false, "desk"));
      TestSocket.Event event = probe.next();
      if (event instanceof TestSocket.Text t && t.message() instanceof Ready) {
        return true;
      }
      assertThat(event)
          .isInstanceOfSatisfying(
              TestSocket.Closed.class, closed -> assertThat(closed.code()).isEqualTo(4409));
      return false;
    }
  }
}
