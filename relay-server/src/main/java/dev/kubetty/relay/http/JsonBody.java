package dev.kubetty.relay.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads a request body that must be one JSON object of bounded size, for every JSON endpoint alike:
 * an empty body is {@code {}}; a body over the limit is answered 413 {@code too_large} and one that
 * is not a JSON object 400 {@code bad_request}, without reading more than the limit.
 */
public final class JsonBody {
  private JsonBody() {}

  /**
   * The JSON object in {@code request}'s body, or null after answering 413 or 400 on {@code
   * response} (the caller then returns, the request handled).
   *
   * @param maxBytes the largest body accepted
   * @throws IOException if the body cannot be read from the connection
   */
  public static JsonNode read(Request request, Response response, Callback callback, int maxBytes)
      throws IOException {
    byte[] bytes;
    try (InputStream in = Content.Source.asInputStream(request)) {
      bytes = in.readNBytes(maxBytes + 1);
    }
    if (bytes.length > maxBytes) {
      JsonReply.sendError(
          response, callback, 413, "too_large", "request body over " + size(maxBytes));
      return null;
    }
    if (bytes.length == 0) {
      return JsonReply.JSON.createObjectNode();
    }
    try {
      JsonNode node = JsonReply.JSON.readTree(bytes);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (IOException malformed) {
      // answered below
    }
    JsonReply.sendError(response, callback, 400, "bad_request", "the body must be a JSON object");
    return null;
  }

  private static String size(int bytes) {
    return bytes % 1024 == 0 ? (bytes / 1024) + " KiB" : bytes + " bytes";
  }
}
