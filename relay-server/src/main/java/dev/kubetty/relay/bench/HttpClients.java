package dev.kubetty.relay.bench;

import okhttp3.OkHttpClient;

/** The one OkHttp client the benchmark's relay clients share. */
final class HttpClients {
  private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

  private HttpClients() {}

  /**
   * @param compression false strips OkHttp's {@code permessage-deflate} offer from the upgrade
   *     request, so frames go uncompressed (to measure what compression costs)
   */
  static OkHttpClient create(boolean compression) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    if (!compression) {
      builder.addInterceptor(
          chain -> chain.proceed(chain.request().newBuilder().removeHeader(EXTENSIONS).build()));
    }
    return builder.build();
  }
}
