package dev.kubetty.relay.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.Protocol;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.RelayFixture;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code KUBETTY_WS_DEFLATE}: permessage-deflate is accepted by default and declined when off. */
class WebSocketCompressionTest {
  private static final OkHttpClient HTTP = new OkHttpClient();

  @AfterAll
  static void stop() {
    HTTP.dispatcher().executorService().shutdown();
  }

  @Test
  void deflateIsAcceptedWhenTheClientOffersIt() throws Exception {
    try (RelayServer relay = RelayFixture.start(Map.of())) {
      assertThat(negotiatedExtensions(relay)).contains("permessage-deflate");
    }
  }

  @Test
  void deflateIsDeclinedWhenTurnedOff() throws Exception {
    try (RelayServer relay = RelayFixture.start(Map.of("KUBETTY_WS_DEFLATE", "off"))) {
      assertThat(negotiatedExtensions(relay)).isNull();
    }
  }

  /** Opens {@code /ws} with OkHttp (which offers permessage-deflate); the extensions accepted. */
  private static String negotiatedExtensions(RelayServer relay) throws Exception {
    CompletableFuture<Response> opened = new CompletableFuture<>();
    WebSocket socket =
        HTTP.newWebSocket(
            new Request.Builder()
                .url(relay.webSocketUri().toString())
                .header("Sec-WebSocket-Protocol", Protocol.SUBPROTOCOL)
                .build(),
            new WebSocketListener() {
              @Override
              public void onOpen(WebSocket webSocket, Response response) {
                opened.complete(response);
              }

              @Override
              public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                opened.completeExceptionally(t);
              }
            });
    try {
      return opened.get(10, TimeUnit.SECONDS).header("Sec-WebSocket-Extensions");
    } finally {
      socket.close(1000, null);
    }
  }
}
