package dev.kubetty.relay.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubetty.relay.store.ChunkRow;
import dev.kubetty.relay.store.ChunkRow.Direction;
import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.TestDatabase;
import dev.kubetty.relay.store.TranscriptDao;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The logs endpoints on a real Jetty over a real PostgreSQL holding a known transcript. */
class LogsEndpointTest {
  private static final String SESSION = "logs-1";
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private static final byte[] EURO = "€".getBytes(StandardCharsets.UTF_8); // E2 82 AC

  private static TestDatabase db;
  private static Server server;
  private static LogsHttp http;
  private static final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.start();
    List<ChunkRow> chunks = new ArrayList<>();
    addOutput(chunks, 0, bytes("hello "));
    addOutput(chunks, 1_000, concat(bytes("w"), new byte[] {EURO[0], EURO[1]}));
    addOutput(chunks, 2_000, concat(new byte[] {EURO[2]}, bytes("rld\r\n$ ")));
    addOutput(chunks, 3_000, bytes("ls -la\r\n"));
    addOutput(chunks, 4_000, bytes("total 0\r\n"));
    chunks.add(new ChunkRow(SESSION, Direction.INPUT, 0, T0.plusMillis(2_500), bytes("ls -la\r")));
    List<EventRow> events =
        List.of(
            new EventRow(SESSION, 1, EventRow.Kind.RESIZE, 0, T0, 100, 30),
            new EventRow(SESSION, 2, EventRow.Kind.RESIZE, 9, T0.plusMillis(1_500), 120, 40),
            new EventRow(
                SESSION, 3, EventRow.Kind.EXIT, output.size(), T0.plusMillis(5_000), 0, 0));
    db.database()
        .jdbi()
        .useExtension(
            TranscriptDao.class,
            dao -> {
              dao.insertChunks(chunks);
              dao.insertEvents(events);
            });
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(LogsHandler.of(db.database().jdbi(), SESSION));
    server.start();
    http = new LogsHttp(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    db.close();
  }

  private static void addOutput(List<ChunkRow> chunks, long millis, byte[] data) {
    chunks.add(new ChunkRow(SESSION, Direction.OUTPUT, output.size(), T0.plusMillis(millis), data));
    output.writeBytes(data);
  }

  @Test
  void pagesComeInOrderWithExactBytesAndANextCursor() {
    JsonNode first = http.json("/session/logs?limit=2", 200);
    assertThat(first.get("session").asText()).isEqualTo(SESSION);
    assertThat(offsets(first)).containsExactly(0L, 6L);
    assertThat(first.get("items").get(0).get("text").asText()).isEqualTo("hello ");
    assertThat(first.get("items").get(0).get("time").asText()).isEqualTo(T0.toString());
    assertThat(first.get("items").get(1).get("length").asInt()).isEqualTo(3);
    assertThat(first.get("next").get("from").asLong()).isEqualTo(9);
    assertThat(first.get("events").findValuesAsText("kind")).containsExactly("resize");
    assertThat(first.get("events").get(0).get("cols").asInt()).isEqualTo(100);

    ByteArrayOutputStream collected = new ByteArrayOutputStream();
    List<String> eventKinds = new ArrayList<>();
    String query = "/session/logs?limit=2";
    while (true) {
      JsonNode page = http.json(query, 200);
      page.get("items")
          .forEach(
              item ->
                  collected.writeBytes(Base64.getDecoder().decode(item.get("base64").asText())));
      page.get("events").forEach(event -> eventKinds.add(event.get("kind").asText()));
      if (page.get("next").isNull()) {
        break;
      }
      query = "/session/logs?limit=2&from=" + page.get("next").get("from").asLong();
    }
    assertThat(collected.toByteArray()).isEqualTo(output.toByteArray());
    assertThat(eventKinds)
        .as("each event on exactly one page")
        .containsExactly("resize", "resize", "exit");
  }

  @Test
  void directionSelectsTheStreamOrMergesBothByTime() {
    JsonNode input = http.json("/session/logs?direction=input", 200);
    assertThat(input.get("items")).hasSize(1);
    assertThat(input.get("items").get(0).get("direction").asText()).isEqualTo("input");
    assertThat(input.get("items").get(0).get("text").asText()).isEqualTo("ls -la\r");
    assertThat(input.get("next").isNull()).isTrue();

    JsonNode all = http.json("/session/logs?direction=all&limit=4", 200);
    assertThat(all.get("items").findValuesAsText("direction"))
        .containsExactly("output", "output", "output", "input");
    assertThat(all.get("next").get("from").asLong()).isEqualTo(17); // past "…rld\r\n$ "
    assertThat(all.get("next").get("inputFrom").asLong()).isEqualTo(7);
    JsonNode rest = http.json("/session/logs?direction=all&from=17&inputFrom=7", 200);
    assertThat(offsets(rest)).containsExactly(17L, 25L);
    assertThat(rest.get("next").isNull()).isTrue();
  }

  @Test
  void searchIsCaseInsensitiveAndFindsTextSplitAcrossChunks() {
    assertThat(offsets(http.json("/session/logs?q=" + encode("LS -LA"), 200))).containsExactly(17L);
    assertThat(offsets(http.json("/session/logs?direction=input&q=ls", 200))).containsExactly(0L);
    assertThat(offsets(http.json("/session/logs?q=" + encode("w€rld"), 200)))
        .as("a match is listed at the chunk where it ends")
        .containsExactly(9L);
    assertThat(offsets(http.json("/session/logs?q=" + encode("€"), 200))).containsExactly(9L);
    assertThat(offsets(http.json("/session/logs?q=" + encode("50%_"), 200))).isEmpty();
    assertThat(offsets(http.json("/session/logs?q=nothing-like-this", 200))).isEmpty();
  }

  @Test
  void timeRangeSelectsRecordedAt() {
    String since = T0.plusSeconds(1).toString();
    String until = T0.plusSeconds(3).toString();
    JsonNode page = http.json("/session/logs?since=" + since + "&until=" + until, 200);
    assertThat(offsets(page)).containsExactly(6L, 9L);
    assertThat(page.get("events").findValuesAsText("kind")).containsExactly("resize");
  }

  @Test
  void badParametersAre400WithAMessage() {
    assertBad("/session/logs?limit=0", "limit must be 1-1000");
    assertBad("/session/logs?limit=1001", "limit must be 1-1000");
    assertBad("/session/logs?limit=ten", "limit must be 1-1000");
    assertBad("/session/logs?direction=sideways", "direction must be output, input or all");
    assertBad("/session/logs?from=-1", "from must be a stream offset (an integer >= 0)");
    assertBad(
        "/session/logs?since=yesterday",
        "since must be an ISO-8601 instant such as 2026-01-02T03:04:05Z");
    assertBad("/session/logs?since=" + T0 + "&until=" + T0, "since must be before until");
    assertBad("/session/logs?q=" + "x".repeat(257), "q must be at most 256 bytes");
    assertBad("/session/logs.cast?input=maybe", "input must be true or false");
    assertBad(
        "/session/logs.cast?until=soon",
        "until must be an ISO-8601 instant such as 2026-01-02T03:04:05Z");
  }

  @Test
  void castReproducesTheStoredOutputBytes() throws Exception {
    HttpResponse<String> response = http.get("/session/logs.cast");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-asciicast");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"kubetty-logs-1.cast\"");
    List<JsonNode> lines = LogsHttp.castLines(response.body());
    JsonNode header = lines.getFirst();
    assertThat(header.get("version").asInt()).isEqualTo(2);
    assertThat(header.get("width").asInt()).isEqualTo(100);
    assertThat(header.get("height").asInt()).isEqualTo(30);
    assertThat(header.get("timestamp").asLong()).isEqualTo(T0.getEpochSecond());
    assertThat(header.get("title").asText()).isEqualTo("kubetty session logs-1");
    assertMonotonic(lines);
    assertThat(LogsHttp.outputBytes(lines)).isEqualTo(output.toByteArray());
    assertThat(texts(lines))
        .containsExactly(
            "o:hello ", "o:w", "r:120x40", "o:€rld\r\n$ ", "o:ls -la\r\n", "o:total 0\r\n");
    assertThat(lines.get(4).get(0).decimalValue()).isEqualByComparingTo("2.0");
  }

  @Test
  void castIncludesInputOnlyWhenAskedAndHonoursTheRange() throws Exception {
    List<JsonNode> withInput = LogsHttp.castLines(http.get("/session/logs.cast?input=true").body());
    assertMonotonic(withInput);
    assertThat(texts(withInput)).contains("i:ls -la\r");
    assertThat(texts(withInput).indexOf("i:ls -la\r"))
        .isEqualTo(texts(withInput).indexOf("o:ls -la\r\n") - 1);

    String since = T0.plusSeconds(3).toString();
    List<JsonNode> tail = LogsHttp.castLines(http.get("/session/logs.cast?since=" + since).body());
    assertThat(tail.getFirst().get("width").asInt())
        .as("size in effect at the start")
        .isEqualTo(120);
    assertThat(tail.getFirst().get("height").asInt()).isEqualTo(40);
    assertThat(texts(tail)).containsExactly("o:ls -la\r\n", "o:total 0\r\n");
    assertThat(tail.get(1).get(0).decimalValue()).isEqualByComparingTo("0");
  }

  @Test
  void otherMethodsAre405() throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        URI.create(server.getURI().toString()).resolve("/session/logs"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
  }

  private static void assertBad(String query, String message) {
    JsonNode body = http.json(query, 400);
    assertThat(body.get("error").asText()).isEqualTo("bad_request");
    assertThat(body.get("message").asText()).isEqualTo(message);
  }

  private static void assertMonotonic(List<JsonNode> lines) {
    double last = 0;
    for (JsonNode line : lines.subList(1, lines.size())) {
      assertThat(line.get(0).asDouble()).isGreaterThanOrEqualTo(last);
      last = line.get(0).asDouble();
    }
  }

  private static List<String> texts(List<JsonNode> lines) {
    return lines.subList(1, lines.size()).stream()
        .map(line -> line.get(1).asText() + ":" + line.get(2).asText())
        .toList();
  }

  private static List<Long> offsets(JsonNode page) {
    List<Long> offsets = new ArrayList<>();
    page.get("items").forEach(item -> offsets.add(item.get("offset").asLong()));
    return offsets;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = new byte[a.length + b.length];
    System.arraycopy(a, 0, joined, 0, a.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
