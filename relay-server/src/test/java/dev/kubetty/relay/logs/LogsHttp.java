package dev.kubetty.relay.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A real HTTP client for the logs endpoints. */
final class LogsHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI base;

  LogsHttp(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String pathAndQuery) {
    try {
      return client.send(
          HttpRequest.newBuilder(base.resolve(pathAndQuery)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GETs a JSON answer, checking its status. */
  JsonNode json(String pathAndQuery, int expectedStatus) {
    HttpResponse<String> response = get(pathAndQuery);
    if (response.statusCode() != expectedStatus) {
      throw new AssertionError(
          pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** Each line of an asciicast, parsed. */
  static List<JsonNode> castLines(String body) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : body.split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  /** The "o" texts of a parsed asciicast, concatenated and encoded as UTF-8. */
  static byte[] outputBytes(List<JsonNode> lines) {
    StringBuilder text = new StringBuilder();
    for (JsonNode line : lines.subList(1, lines.size())) {
      if (line.get(1).asText().equals("o")) {
        text.append(line.get(2).asText());
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
