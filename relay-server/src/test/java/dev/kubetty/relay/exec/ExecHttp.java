package dev.kubetty.relay.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * {@code POST /api/exec/tickets} and friends from tests. A new client (connection) per request: a
 * pooled connection the relay has just closed (after a 401, a refused upgrade) would fail a POST,
 * which the JDK client does not retry.
 */
final class ExecHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Answer(int status, JsonNode body) {}

  private ExecHttp() {}

  static Answer post(URI relay, String path, Object body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(relay.resolve(path))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    body instanceof String s ? s : JSON.writeValueAsString(body)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<String> response = send(request.build());
    String text = response.body();
    return new Answer(response.statusCode(), JSON.readTree(text.isEmpty() ? "{}" : text));
  }

  static Answer get(URI relay, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send(HttpRequest.newBuilder(relay.resolve(path)).GET().build());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  private static HttpResponse<String> send(HttpRequest request)
      throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
