package dev.kubetty.relay.http;

import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;

/**
 * Answers a plain HTTP request for a WebSocket-only path with {@code 426 Upgrade Required} and a
 * JSON error that says what to do, instead of a bare 404. Install it behind the path's WebSocket
 * upgrade handler, which takes the real upgrades first.
 */
public final class UpgradeRequired extends Handler.Wrapper {
  private final String path;
  private final String subprotocol;

  /**
   * For {@code path}, whose WebSockets speak {@code subprotocol}; other paths go to {@code next}.
   */
  public UpgradeRequired(String path, String subprotocol, Handler next) {
    super(next);
    this.path = path;
    this.subprotocol = subprotocol;
  }

  /**
   * For a WebSocket creator: accepts {@code subprotocol}; with {@code compression} false it also
   * declines the extensions the client offered (permessage-deflate), so frames go uncompressed.
   */
  public static void accept(
      ServerUpgradeResponse response, String subprotocol, boolean compression) {
    response.setAcceptedSubProtocol(subprotocol);
    if (!compression) {
      response.setExtensions(List.of());
    }
  }

  /**
   * For a WebSocket creator: answers 400 and returns true when the upgrade does not offer {@code
   * subprotocol}; else returns false and the caller accepts it.
   */
  public static boolean refuseWithoutSubprotocol(
      ServerUpgradeRequest request,
      ServerUpgradeResponse response,
      Callback callback,
      String subprotocol) {
    if (request.hasSubProtocol(subprotocol)) {
      return false;
    }
    Response.writeError(
        request,
        response,
        callback,
        HttpStatus.BAD_REQUEST_400,
        "WebSocket subprotocol " + subprotocol + " required");
    return true;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!Request.getPathInContext(request).equals(path)) {
      return super.handle(request, response, callback);
    }
    response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
    JsonReply.sendError(
        response,
        callback,
        426,
        "upgrade_required",
        path + " is a WebSocket endpoint: connect with subprotocol " + subprotocol);
    return true;
  }
}
