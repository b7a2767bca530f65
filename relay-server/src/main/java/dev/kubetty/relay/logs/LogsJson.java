package dev.kubetty.relay.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubetty.relay.store.ChunkRow.Direction;
import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.TranscriptChunk;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The JSON body of {@code GET /session/logs}. {@code text} decodes each chunk on its own (lossy: a
 * character split across two chunks shows as U+FFFD in both); {@code base64} is the exact bytes.
 */
final class LogsJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private LogsJson() {}

  static ObjectNode render(String sessionId, LogsPage page) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("session", sessionId);
    ArrayNode items = body.putArray("items");
    page.items().forEach(item -> items.add(item(item)));
    ArrayNode events = body.putArray("events");
    page.events().forEach(event -> events.add(event(event)));
    if (page.next().isEmpty()) {
      body.putNull("next");
    } else {
      ObjectNode next = body.putObject("next");
      next.put("from", page.next().get().from());
      page.next().get().inputFrom().ifPresent(inputFrom -> next.put("inputFrom", inputFrom));
    }
    return body;
  }

  private static ObjectNode item(TranscriptChunk chunk) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("direction", chunk.direction() == Direction.OUTPUT ? "output" : "input");
    node.put("offset", chunk.streamOffset());
    node.put("time", chunk.recordedAt().toString());
    node.put("length", chunk.data().length);
    node.put("text", new String(chunk.data(), StandardCharsets.UTF_8));
    node.put("base64", Base64.getEncoder().encodeToString(chunk.data()));
    return node;
  }

  private static ObjectNode event(EventRow event) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("kind", event.kind() == EventRow.Kind.RESIZE ? "resize" : "exit");
    node.put("offset", event.outputOffset());
    node.put("time", event.recordedAt().toString());
    if (event.kind() == EventRow.Kind.RESIZE) {
      node.put("cols", event.a());
      node.put("rows", event.b());
    } else {
      node.put("code", event.a());
    }
    return node;
  }
}
