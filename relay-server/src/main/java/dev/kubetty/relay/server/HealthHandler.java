package dev.kubetty.relay.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /healthz} (200 while the process is up) and {@code GET /readyz} (200 once the PTY is
 * running, else 503). No authentication, by contract: probes must reach them.
 */
final class HealthHandler extends Handler.Abstract.NonBlocking {
  private final BooleanSupplier ready;

  HealthHandler(BooleanSupplier ready) {
    this.ready = ready;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    boolean live = path.equals("/healthz");
    if (!live && !path.equals("/readyz")) {
      return false;
    }
    boolean ok = live || ready.getAsBoolean();
    response.setStatus(ok ? 200 : 503);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    String body = "{\"status\":\"" + (ok ? (live ? "ok" : "ready") : "starting") + "\"}\n";
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
