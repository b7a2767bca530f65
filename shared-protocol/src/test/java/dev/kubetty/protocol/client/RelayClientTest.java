package dev.kubetty.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Ack;
import dev.kubetty.protocol.ControlMessage.ErrorReply;
import dev.kubetty.protocol.ControlMessage.Exit;
import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.protocol.ControlMessage.Ping;
import dev.kubetty.protocol.ControlMessage.Pong;
import dev.kubetty.protocol.ControlMessage.Resize;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real WebSocket server on 127.0.0.1 playing the relay's part. */
class RelayClientTest {
  private static final String ID = "client-under-test";

  private final MockWebServer server = new MockWebServer();
  private final AcceptedSockets sockets = new AcceptedSockets();
  private final RecordingListener events = new RecordingListener();
  private RelayClient client;

  @BeforeEach
  void startServer() throws Exception {
    server.setServerSocketFactory(sockets);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    server.close();
  }

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
  void reconnectsAfterNetworkDropResumingFromOffset() {
    RelayPeer first = connectLive(0, 1024);
    first.output("hello");
    events.expect("output 0 hello");

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    assertThat(events.lastDetail).startsWith("attempt 1 in ");
    assertThat(second.message()).isEqualTo(new Hello(80, 24, 5L, false, ID));
    second.ready(5, 1024);
    second.output("!");
    events.expect("state LIVE", "output 5 !");
  }

  @Test
  void reconnectsAfterGoingAwayButNotAfterNormalClose() {
    RelayPeer first = connectLive(0, 1024);
    RelayPeer second = enqueueRelay();
    first.close(1001, "restarting");
    events.expect("state RECONNECTING");
    second.message();
    second.ready(0, 1024);
    events.expect("state LIVE");

    second.close(1000, "bye");
    events.expect("state CLOSED", "closed 1000 bye");
    assertThat(client.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void reportsGapWhenRelayNoLongerHasTheWantedBytes() {
    RelayPeer first = connectLive(0, 1024);
    first.output("hello");
    events.expect("output 0 hello");

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    second.message();
    second.ready(9, 1024);
    second.output("x");
    events.expect("gap 5 9", "state LIVE", "output 9 x");
    assertThat(client.offset()).isEqualTo(10);
  }

  @Test
  void skipsRepeatedBytesWhenRelayResumesEarlier() {
    RelayPeer first = connectLive(0, 1024);
    first.output("hello");
    events.expect("output 0 hello");

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    second.message();
    second.ready(2, 1024);
    second.output("ll");
    second.output("o w");
    second.output("orld");
    events.expect("state LIVE", "output 5  w", "output 7 orld");
    events.assertExhausted();
  }

  @Test
  void dropConnectionReconnectsAndIgnoresTheOldSocket() {
    RelayPeer first = connectLive(0, 1024);
    first.output("abc");
    events.expect("output 0 abc");

    RelayPeer second = enqueueRelay();
    client.dropConnection();
    events.expect("state RECONNECTING");
    assertThat(second.message()).isEqualTo(new Hello(80, 24, 3L, false, ID));
    second.ready(3, 1024);
    events.expect("state LIVE");
    assertThat(client.send(bytes("z"))).isTrue();
    assertThat(second.input()).isEqualTo("z");
    events.assertExhausted();
  }

  @Test
  void busyIsFinalUntilTakeOverWhichSendsTakeoverOnce() {
    RelayPeer first = enqueueRelay();
    client = builder().resumeFrom(12L).build();
    client.connect();
    first.message();
    first.close(4409, "session busy");
    events.expect("state CONNECTING", "state CLOSED", "closed 4409 session busy");
    assertThat(client.state()).isEqualTo(State.CLOSED);

    // An automatic reconnect would reach this relay with takeover:false.
    RelayPeer second = enqueueRelay();
    assertThat(client.takeOver()).isTrue();
    assertThat(second.message()).isEqualTo(new Hello(80, 24, 12L, true, ID));
    second.ready(12, 1024);
    events.expect("state CONNECTING", "state LIVE");

    RelayPeer third = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    assertThat(third.message()).isEqualTo(new Hello(80, 24, 12L, false, ID));
  }

  @Test
  void takenOverIsFinal() {
    RelayPeer relay = connectLive(0, 1024);
    relay.close(4410, "taken over");
    events.expect("state CLOSED", "closed 4410 taken over");
    assertThat(client.send(bytes("x"))).isFalse();
  }

  @Test
  void unauthorizedUpgradeIsFinalAndReportedAs4401() {
    server.enqueue(new MockResponse.Builder().code(401).build());
    client = builder().build();
    client.connect();
    events.expect("state CONNECTING", "state CLOSED", "closed 4401 HTTP 401 at upgrade");
  }

  @Test
  void serverErrorAtUpgradeIsRetried() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    RelayPeer relay = enqueueRelay();
    client = builder().build();
    client.connect();
    events.expect("state CONNECTING", "state RECONNECTING");
    relay.message();
    relay.ready(0, 1024);
    events.expect("state LIVE");
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
  void resizeIsSentWhenLiveAndUsedInLaterHellos() {
    RelayPeer first = connectLive(0, 1024);
    client.resize(120, 40);
    assertThat(first.message()).isEqualTo(new Resize(120, 40));

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    assertThat(second.message()).isEqualTo(new Hello(120, 40, 0L, false, ID));
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

  private RelayPeer connectLive(long offset, long window) {
    RelayPeer relay = enqueueRelay();
    client = builder().build();
    client.connect();
    assertThat(relay.message()).isInstanceOf(Hello.class);
    relay.ready(offset, window);
    events.expect("state CONNECTING", "state LIVE");
    return relay;
  }

  private RelayPeer enqueueRelay() {
    RelayPeer relay = new RelayPeer();
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(relay).build());
    return relay;
  }

  private RelayClient.Builder builder() {
    return RelayClient.builder(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws"))
        .listener(events)
        .clientId(ID)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(50));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
