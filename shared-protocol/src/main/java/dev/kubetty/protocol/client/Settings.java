package dev.kubetty.protocol.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

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

  /** The URI without user info or query, which may hold secrets: safe for a log line. */
  String loggableUri() {
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
