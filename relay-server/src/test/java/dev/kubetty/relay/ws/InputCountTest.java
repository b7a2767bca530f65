package dev.kubetty.relay.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.TestSocket;
import org.junit.jupiter.api.Test;

/** {@code ready.input}: how much of a client id's input the relay took (PROTOCOL.md 5.1). */
class InputCountTest {
  @Test
  void aKnownClientIdIsToldHowManyInputBytesWereTakenAnUnknownOneNothing() throws Exception {
    try (RelayServer relay = RelayFixture.start()) {
      TestSocket first = TestSocket.open(relay.webSocketUri());
      assertThat(first.hello(80, 24, null, false, "laptop").input()).isNull();
      first.type("echo counted-$((2+3))\r");
      first.readUntil("counted-5");

      TestSocket again = TestSocket.open(relay.webSocketUri());
      Ready ready = again.hello(80, 24, null, false, "laptop"); // replaces its own ghost
      assertThat(ready.input()).isEqualTo("echo counted-$((2+3))\r".length());
      assertThat(first.awaitClose().code()).isEqualTo(4410);

      TestSocket other = TestSocket.open(relay.webSocketUri());
      assertThat(other.hello(80, 24, null, true, "desktop").input()).isNull();
      assertThat(again.awaitClose().code()).isEqualTo(4410);
      other.close();

      TestSocket back = TestSocket.open(relay.webSocketUri());
      assertThat(back.hello(80, 24, null, false, "laptop").input())
          .isEqualTo("echo counted-$((2+3))\r".length());
      back.close();
    }
  }
}
