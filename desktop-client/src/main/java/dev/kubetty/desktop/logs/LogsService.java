package dev.kubetty.desktop.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The relay's stored transcript: {@code GET /session/logs} pages and the {@code /session/logs.cast}
 * recording. Blocking calls (30 s timeout per page; the recording streams to a file without a total
 * limit): run them off the JavaFX thread. Thread-safe.
 */
public final class LogsService {
  /** Rows asked for per page. */
  public static final int PAGE_SIZE = 200;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final Supplier<String> authorization;

  /**
   * @param base the relay's base URL
   * @param authorization the Authorization header value, or a supplier of null
   */
  public LogsService(URI base, Supplier<String> authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** One stored chunk of output. */
  public record Entry(long offset, String time, String text) {}

  /** A page of entries and the {@code from} of the next page, or −1 at the end. */
  public record Page(List<Entry> entries, long next) {}

  /**
   * The output page starting at offset {@code from}, only chunks containing {@code search} when it
   * is not blank.
   */
  public Page page(long from, String search) throws IOException {
    StringBuilder query =
        new StringBuilder("/session/logs?direction=output&limit=" + PAGE_SIZE + "&from=" + from);
    if (search != null && !search.isBlank()) {
      query.append("&q=").append(URLEncoder.encode(search, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response = send(query.toString(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    List<Entry> entries = new ArrayList<>();
    for (JsonNode item : body.path("items")) {
      entries.add(
          new Entry(
              item.path("offset").asLong(),
              item.path("time").asText(),
              item.path("text").asText()));
    }
    JsonNode next = body.get("next");
    return new Page(entries, next == null || next.isNull() ? -1 : next.path("from").asLong());
  }

  /** Downloads the whole session as asciicast v2 into {@code target} (replaced atomically). */
  public void exportCast(Path target) throws IOException {
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".kubetty-", ".cast");
    try {
      send("/session/logs.cast", HttpResponse.BodyHandlers.ofFile(tmp));
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private <T> HttpResponse<T> send(String pathAndQuery, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
    String header = authorization.get();
    if (header != null) {
      request.header("Authorization", header);
    }
    try {
      HttpResponse<T> response = http.send(request.build(), handler);
      if (response.statusCode() != 200) {
        throw new IOException(explain(response.statusCode()));
      }
      return response;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted.", e);
    }
  }

  private static String explain(int status) {
    return switch (status) {
      case 401 -> "Log in to read this session's logs.";
      case 503 -> "The relay has no transcript store right now.";
      case 400 -> "The relay did not accept the search.";
      default -> "The relay answered HTTP " + status + ".";
    };
  }
}
