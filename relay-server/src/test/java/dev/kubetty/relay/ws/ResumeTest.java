package dev.kubetty.relay.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.relay.testing.RelayExtension;
import dev.kubetty.relay.testing.TestSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The four cases of {@code ready.offset} from the protocol contract. */
class ResumeTest {
  private static final int BUFFER = 1 << 20;

  @RegisterExtension
  final RelayExtension relay =
      new RelayExtension(Map.of("KUBETTY_BUFFER_BYTES", String.valueOf(BUFFER)));

  @Test
  void resumeFromABufferedOffsetRepeatsAndLosesNothing() {
    long from;
    try (TestSocket first = TestSocket.open(relay.webSocketUri())) {
      first.hello(80, 24, null, false, "laptop");
      first.type("echo one-$((1+0))\r");
      first.readUntil("one-1");
      from = first.nextOffset();
      first.type("echo two-$((1+1))\r");
      first.readUntil("two-2");
      first.cancel();
    }
    try (TestSocket second = TestSocket.open(relay.webSocketUri())) {
      // The same client id: the relay may not have noticed the drop yet, and must not say busy.
      Ready ready = second.hello(80, 24, from, false, "laptop");
      assertThat(ready.offset()).isEqualTo(from);
      String replay = second.readUntil("two-2");
      assertThat(replay).doesNotContain("one-1").contains("echo two-$((1+1))");
    }
  }

  @Test
  void resumeFromAnOffsetOlderThanTheBufferReportsTheExactGap() throws Exception {
    try (TestSocket writer = TestSocket.open(relay.webSocketUri())) {
      writer.hello();
      writer.type("head -c 3000000 /dev/zero | tr '\\0' x; echo; echo done-$((6*7))\r");
      writer.readUntil("done-42");
    }
    long head = awaitQuietHead();
    try (TestSocket late = TestSocket.open(relay.webSocketUri())) {
      Ready ready = late.hello(80, 24, 0L, false, null);
      assertThat(ready.head()).isEqualTo(head);
      assertThat(ready.offset()).as("oldest buffered byte").isEqualTo(head - BUFFER);
      late.readUntil("done-42");
      assertThat(late.nextOffset()).isEqualTo(head);
    }
  }

  @Test
  void freshClientGetsTheBufferedHistory() {
    try (TestSocket writer = TestSocket.open(relay.webSocketUri())) {
      writer.hello();
      writer.type("echo history-$((6*7))\r");
      writer.readUntil("history-42");
    }
    try (TestSocket fresh = TestSocket.open(relay.webSocketUri())) {
      Ready ready = fresh.hello();
      assertThat(ready.offset()).isZero();
      assertThat(fresh.readUntil("history-42")).contains("echo history-$((6*7))");
    }
  }

  @Test
  void resumeBeyondTheHeadStartsAtTheHead() throws Exception {
    long head = awaitQuietHead();
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      Ready ready = client.hello(80, 24, head + 12_345, false, null);
      assertThat(ready.offset()).isEqualTo(head);
      client.type("echo tail-$((6*7))\r");
      assertThat(client.readUntil("tail-42").getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }
  }

  /** Waits until the shell has printed its prompt and then nothing for 300 ms. */
  private long awaitQuietHead() throws InterruptedException {
    long head = -1;
    while (head <= 0 || head != relay.relay().terminal().head()) {
      head = relay.relay().terminal().head();
      Thread.sleep(300);
    }
    return head;
  }
}
