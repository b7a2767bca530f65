package dev.kubetty.relay.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.relay.testing.RelayExtension;
import dev.kubetty.relay.testing.TestSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client that stops reading stalls the shell, not the relay's heap. */
class FlowControlTest {
  private static final int WINDOW = 256 << 10;

  @RegisterExtension
  final RelayExtension relay =
      new RelayExtension(Map.of("KUBETTY_WINDOW_BYTES", String.valueOf(WINDOW)));

  @Test
  void nonAckingClientGetsAtMostOneWindowAndTheShellWaits() throws Exception {
    try (TestSocket client = TestSocket.open(relay.webSocketUri()).autoAck(false)) {
      Ready ready = client.hello();
      long heapBefore = usedHeapAfterGc();
      client.type("yes 0123456789abcdefghijklmnopqrstuvwxyz\r");
      while (client.poll(Duration.ofMillis(1500)) != null) {
        // drain until the relay stops sending: the window is full
      }
      long inFlight = client.nextOffset() - ready.offset();
      long head = relay.relay().terminal().head();
      Thread.sleep(500);

      assertThat(inFlight).isLessThanOrEqualTo(WINDOW).isGreaterThan(WINDOW / 2);
      assertThat(head - ready.offset()).as("relay read no further").isLessThanOrEqualTo(WINDOW);
      assertThat(relay.relay().terminal().head()).as("shell is stalled").isEqualTo(head);
      assertThat(usedHeapAfterGc() - heapBefore).isLessThan(16L << 20);

      client.type("\u0003");
      client.autoAck(true).ack();
      client.type("echo released-$((6*7))\r");
      client.readUntil("released-42");
    }
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }
}
