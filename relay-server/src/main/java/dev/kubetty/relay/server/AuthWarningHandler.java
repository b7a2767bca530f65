package dev.kubetty.relay.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * With {@code AUTH_MODE=disabled}, marks every response (the WebSocket upgrade included) with an
 * {@code X-Auth-Warning} header so nobody mistakes the relay for a protected one.
 */
final class AuthWarningHandler extends Handler.Wrapper {
  static final String HEADER = "X-Auth-Warning";
  static final String VALUE = "authentication disabled: anyone who reaches this relay gets a shell";

  AuthWarningHandler(Handler next) {
    super(next);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    response.getHeaders().put(HEADER, VALUE);
    return super.handle(request, response, callback);
  }
}
