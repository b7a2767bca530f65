package dev.kubetty.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Hello;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A real WebSocket server on 127.0.0.1 (port 0) playing the relay's part, and a client under test
 * connected to it.
 */
abstract class RelayClientTestBase {
  static final String ID = "client-under-test";

  final MockWebServer server = new MockWebServer();
  final AcceptedSockets sockets = new AcceptedSockets();
  final RecordingListener events = new RecordingListener();
  RelayClient client;

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

  RelayPeer connectLive(long offset, long window) {
    RelayPeer relay = enqueueRelay();
    client = builder().build();
    client.connect();
    assertThat(relay.message()).isInstanceOf(Hello.class);
    relay.ready(offset, window);
    events.expect("state CONNECTING", "state LIVE");
    return relay;
  }

  RelayPeer enqueueRelay() {
    RelayPeer relay = new RelayPeer();
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(relay).build());
    return relay;
  }

  RelayClient.Builder builder() {
    return RelayClient.builder(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws"))
        .listener(events)
        .clientId(ID)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(50));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
