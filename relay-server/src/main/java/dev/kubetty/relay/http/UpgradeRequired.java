package dev.kubetty.relay.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

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
