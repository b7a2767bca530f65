package dev.kubetty.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubetty.protocol.ControlMessage.Ack;
import dev.kubetty.protocol.ControlMessage.ErrorReply;
import dev.kubetty.protocol.ControlMessage.Exit;
import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.protocol.ControlMessage.Ping;
import dev.kubetty.protocol.ControlMessage.Pong;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Connecting, output, acks, input and control messages over one socket. */
class RelayClientTest extends RelayClientTestBase {
  @Test
  void helloCarriesSizeResumeFromClientIdSubprotocolAndAuthorization() throws Exception {
    RelayPeer relay = enqueueRelay();
    client = builder().size(100, 30).resumeFrom(7L).authorization(() -> "Bearer t0k").build();
    client.connect();

    assertThat(relay.message()).isEqualTo(new Hello(100, 30, 7L, false, ID));
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/ws");
    assertThat(request.getHeaders().get("Sec-WebSocket-Protocol")).isEqualTo("kubetty.v1");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t0k");
    assertThat(client.state()).isEqualTo(State.CONNECTING);
    events.expect("state CONNECTING");
  }

  @Test
  void deliversOutputAfterReadyAndAcksEveryQuarterWindow() {
    RelayPeer relay = connectLive(0, 16);

    relay.output("ab");
    events.expect("output 0 ab");
    relay.output("cd");
    events.expect("output 2 cd");
    assertThat(relay.message()).isEqualTo(new Ack(4));
    relay.output("efgh");
    events.expect("output 4 efgh");
    assertThat(relay.message()).isEqualTo(new Ack(8));
    assertThat(client.offset()).isEqualTo(8);
    events.assertExhausted();
  }

  @Test
  void firstHelloWithoutResumeFromAsksForHistory() {
    RelayPeer relay = enqueueRelay();
    client = builder().build();
    client.connect();
    assertThat(relay.message()).isEqualTo(new Hello(80, 24, null, false, ID));
    assertThat(client.offset()).isEqualTo(-1);
  }

  @Test
  void inputTypedBeforeReadyIsFlushedInOrderThenSentDirectly() {
    RelayPeer relay = enqueueRelay();
    client = builder().build();
    assertThat(client.send(bytes("a"))).isTrue();
    client.connect();
    relay.message();
    assertThat(client.send(bytes("b"))).isTrue();
    relay.ready(0, 1024);
    events.expect("state CONNECTING", "state LIVE");
    assertThat(client.send(bytes("c"))).isTrue();

    assertThat(relay.input()).isEqualTo("a");
    assertThat(relay.input()).isEqualTo("b");
    assertThat(relay.input()).isEqualTo("c");
  }

  @Test
  void inputBufferIsBoundedAtOneMebibyte() {
    client = builder().build();
    assertThat(client.send(new byte[(int) RelayClient.MAX_PENDING_INPUT_BYTES])).isTrue();
    assertThat(client.send(new byte[1])).isFalse();
  }

  @Test
  void controlMessagesReachTheListenerAndPingIsAnswered() {
    RelayPeer relay = connectLive(0, 1024);
    relay.text("{not json");
    relay.send(new Ping());
    assertThat(relay.message()).isEqualTo(new Pong());
    relay.send(new ErrorReply("resize_out_of_range", "too wide"));
    relay.output("bye");
    relay.send(new Exit(3));
    events.expect("error resize_out_of_range too wide", "output 0 bye", "exit 3");
  }

  @Test
  void closeSends1000AndStopsForGood() {
    RelayPeer relay = connectLive(0, 1024);
    client.close();
    events.expect("state CLOSED", "closed 1000 closed by client");
    assertThat(relay.closing()).isEqualTo("closing 1000");
    assertThat(client.send(bytes("x"))).isFalse();
    assertThat(client.takeOver()).isFalse();
    client.close();
    events.assertExhausted();
  }

  @Test
  void outputBeforeReadyIsIgnored() {
    RelayPeer relay = enqueueRelay();
    client = builder().build();
    client.connect();
    relay.message();
    relay.output("early");
    relay.ready(0, 1024);
    relay.output("x");
    events.expect("state CONNECTING", "state LIVE", "output 0 x");
  }

  @Test
  void closeStopsTheTimerThread() throws Exception {
    connectLive(0, 1024);
    client.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (timerThreadsAlive() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(timerThreadsAlive()).isZero();
  }

  private static long timerThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("kubetty-client-"))
        .count();
  }

  @Test
  void acksOnlyAfterTheListenerReturned() throws Exception {
    RelayPeer relay = connectLive(0, 16);
    CountDownLatch gate = new CountDownLatch(1);
    events.outputGate = gate;
    relay.output("abcd");
    events.expect("output 0 abcd");
    Thread.sleep(100); // the listener is still blocked: no ack may have been sent meanwhile
    relay.assertNothingReceived();
    gate.countDown();
    assertThat(relay.message()).isEqualTo(new Ack(4));
  }

  @Test
  void builderRejectsBadArguments() {
    assertThatThrownBy(() -> RelayClient.builder(URI.create("http://127.0.0.1/ws")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().size(0, 24)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().resumeFrom(-1L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RelayClient.builder(URI.create("ws://127.0.0.1/ws")).build())
        .isInstanceOf(IllegalStateException.class);
  }
}
