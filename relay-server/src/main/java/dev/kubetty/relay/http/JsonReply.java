package dev.kubetty.relay.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * JSON answers of the relay's HTTP API: {@code application/json}, never cached, errors as {@code
 * {"error":"code","message":"…"}} — a message for people, never a stack trace.
 */
public final class JsonReply {
  /** The relay's one JSON mapper for the HTTP API. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private JsonReply() {}

  /** An error body. */
  public static ObjectNode error(String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", code);
    body.put("message", message);
    return body;
  }

  /** Sends {@code body} with {@code status} and completes {@code callback}. */
  public static void send(Response response, Callback callback, int status, JsonNode body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** Sends an error body. */
  public static void sendError(
      Response response, Callback callback, int status, String code, String message) {
    send(response, callback, status, error(code, message));
  }
}
