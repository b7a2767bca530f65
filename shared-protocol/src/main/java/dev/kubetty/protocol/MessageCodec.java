package dev.kubetty.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubetty.protocol.ControlMessage.Ack;
import dev.kubetty.protocol.ControlMessage.ErrorReply;
import dev.kubetty.protocol.ControlMessage.Exit;
import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.protocol.ControlMessage.Ping;
import dev.kubetty.protocol.ControlMessage.Pong;
import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.protocol.ControlMessage.Resize;

/**
 * Turns {@link ControlMessage}s into JSON text and back. Thread-safe; stateless.
 *
 * <p>Decoding is strict about what a message needs (its {@code type}, required fields and their
 * JSON types) and lenient about what it does not know (extra fields are ignored, so a newer peer
 * may add fields). Every failure is a {@link ProtocolException} whose message names the problem.
 */
public final class MessageCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MessageCodec() {}

  /** Encodes a message as one JSON object. */
  public static String encode(ControlMessage message) {
    ObjectNode node = JSON.createObjectNode().put("type", message.type());
    switch (message) {
      case Hello h -> {
        node.put("cols", h.cols()).put("rows", h.rows());
        node.put("resumeFrom", h.resumeFrom());
        node.put("takeover", h.takeover());
        if (h.client() != null) {
          node.put("client", h.client());
        }
        if (h.ticket() != null) {
          node.put("ticket", h.ticket());
        }
      }
      case Ready r -> {
        node.put("session", r.session())
            .put("offset", r.offset())
            .put("window", r.window())
            .put("head", r.head());
        if (r.input() != null) {
          node.put("input", r.input());
        }
      }
      case Resize r -> node.put("cols", r.cols()).put("rows", r.rows());
      case Ack a -> node.put("offset", a.offset());
      case Exit e -> node.put("code", e.code());
      case ErrorReply e -> node.put("code", e.code()).put("message", e.message());
      case Ping p -> {}
      case Pong p -> {}
    }
    return node.toString();
  }

  /**
   * Decodes one text frame.
   *
   * @throws ProtocolException if the text is not a JSON object, has no known {@code type}, or lacks
   *     a required field
   */
  public static ControlMessage decode(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ProtocolException("malformed JSON");
    }
    if (node == null || !node.isObject()) {
      throw new ProtocolException("control frame must be a JSON object");
    }
    String type = requireText(node, "type");
    return switch (type) {
      case "hello" ->
          new Hello(
              requireInt(node, "cols"),
              requireInt(node, "rows"),
              optionalLong(node, "resumeFrom"),
              optionalBoolean(node, "takeover"),
              optionalText(node, "client"),
              optionalText(node, "ticket"));
      case "ready" ->
          new Ready(
              requireText(node, "session"),
              requireLong(node, "offset"),
              requireLong(node, "window"),
              optionalLong(node, "head") == null ? -1 : node.get("head").asLong(),
              optionalLong(node, "input"));
      case "resize" -> new Resize(requireInt(node, "cols"), requireInt(node, "rows"));
      case "ack" -> new Ack(requireLong(node, "offset"));
      case "ping" -> new Ping();
      case "pong" -> new Pong();
      case "exit" -> new Exit(requireInt(node, "code"));
      case "error" -> new ErrorReply(requireText(node, "code"), optionalText(node, "message"));
      default -> throw new ProtocolException("unknown message type '" + abbreviate(type) + "'");
    };
  }

  private static String requireText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new ProtocolException("field '" + field + "' must be a string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ProtocolException("field '" + field + "' must be a string or null");
    }
    return value.asText();
  }

  private static int requireInt(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new ProtocolException("field '" + field + "' must be an integer");
    }
    return value.intValue();
  }

  private static long requireLong(JsonNode node, String field) {
    Long value = optionalLong(node, field);
    if (value == null) {
      throw new ProtocolException("field '" + field + "' must be an integer");
    }
    return value;
  }

  private static Long optionalLong(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
      throw new ProtocolException("field '" + field + "' must be a non-negative integer");
    }
    return value.longValue();
  }

  private static boolean optionalBoolean(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new ProtocolException("field '" + field + "' must be true or false");
    }
    return value.booleanValue();
  }

  private static String abbreviate(String s) {
    return s.length() <= 32 ? s : s.substring(0, 32) + "…";
  }
}
