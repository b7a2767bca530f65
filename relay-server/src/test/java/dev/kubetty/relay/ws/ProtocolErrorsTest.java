package dev.kubetty.relay.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Ack;
import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.relay.testing.RelayExtension;
import dev.kubetty.relay.testing.TestSocket;
import dev.kubetty.relay.testing.TestSocket.Closed;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whatever a client sends, the relay answers with a clear close and the shell survives. */
class ProtocolErrorsTest {
  @RegisterExtension static final RelayExtension relay = new RelayExtension();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all | malformed JSON",
        "[1,2] | control frame must be a JSON object",
        "{\"type\":\"launch\"} | unknown message type 'launch'",
        "{\"cols\":80} | field 'type' must be a string",
        "{\"type\":\"hello\",\"cols\":\"80\",\"rows\":24} | field 'cols' must be an integer",
        "{\"type\":\"hello\",\"cols\":80,\"rows\":24,\"resumeFrom\":-5} | must be a non-negative",
        "{\"type\":\"ack\",\"offset\":0} | first message must be hello, got ack",
        "{\"type\":\"hello\",\"cols\":0,\"rows\":24} | hello size out of range",
      })
  void badFirstFrameClosesWith4400(String frame, String reason) {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.sendRaw(frame);
      Closed closed = client.awaitClose();
      assertThat(closed.code()).isEqualTo(4400);
      assertThat(closed.reason()).contains(reason);
    }
    assertShellStillAnswers();
  }

  @Test
  void binaryBeforeHelloClosesWith4400() {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.type("rm -rf /\r");
      assertThat(client.awaitClose()).isEqualTo(new Closed(4400, "binary frame before hello"));
    }
  }

  @Test
  void duplicateHelloClosesWith4400() {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello();
      client.send(new Hello(80, 24, null, false, null));
      assertThat(client.awaitClose()).isEqualTo(new Closed(4400, "duplicate hello"));
    }
  }

  @Test
  void framesOverOneMebibyteCloseWith4400() {
    byte[] big = new byte[(1 << 20) + 1];
    Arrays.fill(big, (byte) ' ');
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello();
      client.type("echo before-big\r");
      client.readUntil("before-big\r\n");
      client.sendBytes(big);
      assertThat(client.awaitClose()).isEqualTo(new Closed(4400, "binary frame larger than 1 MiB"));
    }
    // None of the refused frame reached the shell: the next client sees no typed spaces.
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello(80, 24, null, false, null);
      client.type("echo after-big\r");
      String seen = client.readUntil("after-big\r\n");
      assertThat(seen.substring(seen.lastIndexOf("before-big"))).doesNotContain("          ");
    }
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.sendRaw("{\"type\":\"ping\",\"pad\":\"" + new String(big) + "\"}");
      assertThat(client.awaitClose()).isEqualTo(new Closed(4400, "text frame larger than 1 MiB"));
    }
    assertShellStillAnswers();
  }

  @Test
  void clientMessagesThatOnlyTheRelaySendsAreRefused() {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello();
      client.sendRaw("{\"type\":\"exit\",\"code\":0}");
      assertThat(client.awaitClose().code()).isEqualTo(4400);
    }
  }

  @Test
  void ackBeyondWhatWasSentIsClampedNotFatal() {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello();
      client.send(new Ack(Long.MAX_VALUE / 2));
      client.type("echo still-$((6*7))\r");
      client.readUntil("still-42");
    }
  }

  @Test
  void upgradeWithoutSubprotocolIsRefused() {
    try (TestSocket client = TestSocket.openWithoutSubprotocol(relay.webSocketUri())) {
      client.awaitRefused(400);
    }
  }

  @Test
  void silenceAfterUpgradeClosesWith4400AfterTenSeconds() {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      long start = System.nanoTime();
      Closed closed = client.awaitClose(java.time.Duration.ofSeconds(15));
      assertThat(closed).isEqualTo(new Closed(4400, "no hello within 10 s"));
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(9_000L, 14_000L);
    }
  }

  private static void assertShellStillAnswers() {
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello();
      client.type("echo alive-$((6*7))\r");
      client.readUntil("alive-42");
    }
  }
}
