package dev.kubetty.relay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Waits until a relay's transcript store reports {@code ok} (or {@code none}: no transcript) on
 * {@code /readyz}: after a flood the writer may still be replaying its spool into PostgreSQL,
 * background work that would otherwise be timed as keystroke latency.
 */
final class StoreSettle {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoreSettle() {}

  /**
   * Polls {@code /readyz} of the relay at {@code webSocketUri}.
   *
   * @return how long it took
   * @throws BenchException if the store is not {@code ok} within {@code timeout}
   */
  static Duration await(OkHttpClient http, URI webSocketUri, Duration timeout)
      throws InterruptedException {
    URI readyz = URI.create("http://" + webSocketUri.getRawAuthority() + "/readyz");
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() - deadline < 0) {
      try (Response response =
          http.newCall(new Request.Builder().url(readyz.toString()).build()).execute()) {
        JsonNode body = JSON.readTree(response.body().string());
        last = body.path("store").asText();
        if (response.code() == 200 && (last.equals("ok") || last.equals("none"))) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new BenchException("transcript store not ok within " + timeout + ": " + last);
  }
}
