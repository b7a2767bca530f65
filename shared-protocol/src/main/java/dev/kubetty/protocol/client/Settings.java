package dev.kubetty.protocol.client;

import dev.kubetty.protocol.Protocol;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** What {@link RelayClient.Builder} collected, validated. */
record Settings(
    URI uri,
    int cols,
    int rows,
    RelayListener listener,
    String clientId,
    Long resumeFrom,
    boolean takeover,
    Supplier<String> authorization,
    Duration backoffMin,
    Duration backoffMax,
    Duration pingInterval,
    OkHttpClient okHttpClient) {

  /** The upgrade request: subprotocol {@code kubetty.v1} and, if given, the Authorization. */
  Request upgradeRequest(String authorizationHeader) {
    Request.Builder request =
        new Request.Builder()
            .url(uri.toString())
            .header("Sec-WebSocket-Protocol", Protocol.SUBPROTOCOL);
    if (authorizationHeader != null) {
      request.header("Authorization", authorizationHeader);
    }
    return request.build();
  }

  /** The URI without user info or query, which may hold secrets: safe for a log line. */
  String loggableUri() {
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
