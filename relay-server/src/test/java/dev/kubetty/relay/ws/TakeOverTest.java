package dev.kubetty.relay.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.relay.testing.RelayExtension;
import dev.kubetty.relay.testing.TestSocket;
import dev.kubetty.relay.testing.TestSocket.Closed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One writer at a time: busy, explicit take-over, and a client replacing its own ghost. */
class TakeOverTest {
  @RegisterExtension final RelayExtension relay = new RelayExtension();

  @Test
  void secondClientIsBusyAndTheFirstKeepsWorking() {
    try (TestSocket first = TestSocket.open(relay.webSocketUri());
        TestSocket second = TestSocket.open(relay.webSocketUri())) {
      first.hello(80, 24, null, false, "laptop");
      second.send(new Hello(80, 24, null, false, "desktop"));
      Closed closed = second.awaitClose();
      assertThat(closed.code()).isEqualTo(4409);
      assertThat(closed.reason()).startsWith("session busy");
      first.type("echo first-$((6*7))\r");
      first.readUntil("first-42");
    }
  }

  @Test
  void takeOverClosesTheOldClientWith4410AndTheNewOneDrives() {
    try (TestSocket first = TestSocket.open(relay.webSocketUri());
        TestSocket second = TestSocket.open(relay.webSocketUri())) {
      first.hello(80, 24, null, false, "laptop");
      first.type("echo mark-$((1+1))\r");
      first.readUntil("mark-2");
      second.hello(80, 24, first.nextOffset(), true, "desktop");
      assertThat(first.awaitClose()).isEqualTo(new Closed(4410, "taken over by another client"));
      second.type("echo second-$((6*7))\r");
      second.readUntil("second-42");
    }
  }

  @Test
  void sameClientIdReplacesItsGhostWithoutBusy() {
    try (TestSocket ghost = TestSocket.open(relay.webSocketUri());
        TestSocket again = TestSocket.open(relay.webSocketUri())) {
      ghost.hello(80, 24, null, false, "tab-7");
      ghost.type("echo before-$((2*2))\r");
      ghost.readUntil("before-4");
      Ready ready = again.hello(80, 24, ghost.nextOffset(), false, "tab-7");
      assertThat(ready.offset()).isEqualTo(ghost.nextOffset());
      assertThat(ghost.awaitClose().code()).isEqualTo(4410);
      again.type("echo after-$((3*3))\r");
      again.readUntil("after-9");
    }
  }
}
