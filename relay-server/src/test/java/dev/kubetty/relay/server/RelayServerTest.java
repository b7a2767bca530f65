package dev.kubetty.relay.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.TestSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class RelayServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthReadinessAndTheAuthWarningHeader() throws Exception {
    try (RelayServer relay = RelayFixture.start()) {
      HttpResponse<String> health = get(relay, "/healthz");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"ok\"");
      HttpResponse<String> ready = get(relay, "/readyz");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.headers().firstValue("X-Auth-Warning")).isPresent();
      assertThat(get(relay, "/nothing-here").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aPlainRequestForTheWebSocketPathIsToldToUpgrade() throws Exception {
    try (RelayServer relay = RelayFixture.start()) {
      HttpResponse<String> plain = get(relay, "/ws");

      assertThat(plain.statusCode()).isEqualTo(426);
      assertThat(plain.headers().firstValue("Upgrade")).contains("websocket");
      assertThat(plain.body()).contains("upgrade_required").contains("kubetty.v1");
      try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
        client.hello(); // the real upgrade still goes through
      }
    }
  }

  @Test
  void anUpgradeWithoutTheSubprotocolIsRefused() throws Exception {
    try (RelayServer relay = RelayFixture.start()) {
      CompletableFuture<WebSocket> upgrade =
          http.newWebSocketBuilder().buildAsync(relay.webSocketUri(), new WebSocket.Listener() {});

      ExecutionException refused = assertThrows(ExecutionException.class, upgrade::get);
      assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void shutdownClosesClientsWith1001() throws Exception {
    RelayServer relay = RelayFixture.start();
    try (TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello();
      relay.close();
      assertThat(client.awaitClose().code()).isEqualTo(1001);
    }
  }

  private HttpResponse<String> get(RelayServer relay, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(relay.httpUri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
