package dev.kubetty.relay.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubetty.relay.server.RelayRuntime;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.store.TranscriptReader;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.TestSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logs endpoints of a relay run as {@code serve} runs it, after a real shell session. */
@Tag("slow")
class LogsRuntimeTest {
  @TempDir Path data;

  @Test
  void aTypedCommandIsFoundAndTheRecordingReproducesTheStoredOutput() throws Exception {
    try (RelayRuntime relay = RelayFixture.startRuntime(data, "ws-logs");
        TestSocket client = TestSocket.open(relay.server().webSocketUri())) {
      client.hello();
      // Keys typed before bash's readline is up can be lost; its prompt says it is up.
      while (client.pendingOutput().length == 0) {
        client.next();
      }
      client.type("echo logged-$((6*7)) €uro\r");
      client.readUntil("logged-42 €uro");
      assertThat(relay.transcript().awaitStored(Duration.ofSeconds(10))).isTrue();
      LogsHttp http = new LogsHttp(relay.server().httpUri());

      HttpResponse<String> raw = http.get("/session/logs?direction=input&q=ECHO+LOGGED");
      assertThat(raw.headers().firstValue("X-Auth-Warning")).isPresent();
      JsonNode input = LogsHttp.JSON.readTree(raw.body());
      assertThat(input.get("session").asText()).isEqualTo("ws-logs");
      assertThat(input.get("items").findValuesAsText("text"))
          .anySatisfy(text -> assertThat(text).contains("echo logged-$((6*7))"));
      JsonNode found = http.json("/session/logs?q=" + encode("logged-42 €uro"), 200);
      assertThat(found.get("items")).isNotEmpty();
      assertThat(found.get("events").findValuesAsText("kind")).contains("resize");

      String recording = http.get("/session/logs.cast?input=true").body();
      assertThat(asciinemaCat(recording)).contains("logged-42 €uro");
      List<JsonNode> cast = LogsHttp.castLines(recording);
      assertThat(cast.getFirst().get("version").asInt()).isEqualTo(2);
      byte[] stored =
          new TranscriptReader(relay.database().jdbi()).outputTail("ws-logs", 1 << 20).data();
      assertThat(LogsHttp.outputBytes(cast)).isEqualTo(stored);
      assertThat(cast.subList(1, cast.size()))
          .anySatisfy(line -> assertThat(line.get(1).asText()).isEqualTo("i"));
    }
  }

  /** What the real {@code asciinema cat} prints for a recording ({@code .ci/run} installs it). */
  private String asciinemaCat(String recording) throws Exception {
    Path file = data.resolve("session.cast");
    java.nio.file.Files.writeString(file, recording);
    // asciinema reads /dev/tty: run it on a PTY of its own (script(1), util-linux).
    Process process =
        new ProcessBuilder("script", "-qec", "asciinema cat '" + file + "'", "/dev/null")
            .redirectErrorStream(true)
            .start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(printed).isZero();
    return printed;
  }

  @Test
  void withoutADatabaseTheLogsAre503() throws Exception {
    try (RelayServer relay = RelayFixture.start()) {
      LogsHttp http = new LogsHttp(relay.httpUri());
      JsonNode body = http.json("/session/logs", 503);
      assertThat(body.get("message").asText()).isEqualTo("no transcript store");
      assertThat(http.get("/session/logs.cast").statusCode()).isEqualTo(503);
      assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
