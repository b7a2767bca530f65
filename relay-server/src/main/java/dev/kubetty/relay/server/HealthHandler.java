package dev.kubetty.relay.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubetty.relay.http.JsonReply;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /healthz} (200 while the process is up) and {@code GET /readyz} (200 once the PTY is
 * running, else 503). The transcript store's state rides along in the body: a degraded store
 * (database down, bytes spooled locally) is reported but does not make the relay unready, because
 * the terminal still works and nothing is lost. No authentication, by contract: probes must reach
 * them.
 */
final class HealthHandler extends Handler.Abstract.NonBlocking {
  private final BooleanSupplier ready;
  private final Supplier<String> storeStatus;

  HealthHandler(BooleanSupplier ready, Supplier<String> storeStatus) {
    this.ready = ready;
    this.storeStatus = storeStatus;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    boolean live = path.equals("/healthz");
    if (!live && !path.equals("/readyz")) {
      return false;
    }
    boolean ok = live || ready.getAsBoolean();
    ObjectNode body = JsonReply.JSON.createObjectNode();
    body.put("status", ok ? (live ? "ok" : "ready") : "starting");
    if (!live) {
      body.put("store", storeStatus.get());
    }
    JsonReply.send(response, callback, ok ? 200 : 503, body);
    return true;
  }
}
