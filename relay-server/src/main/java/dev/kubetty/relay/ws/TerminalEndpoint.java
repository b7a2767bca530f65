package dev.kubetty.relay.ws;

import dev.kubetty.protocol.CloseCode;
import dev.kubetty.protocol.Protocol;
import dev.kubetty.relay.auth.Principal;
import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.http.UpgradeRequired;
import dev.kubetty.relay.session.Peer;
import dev.kubetty.relay.session.TerminalSession;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The {@code GET /ws} endpoint: upgrades requests that offer subprotocol {@code kubetty.v1} and
 * attaches them to the session. Requests for other paths go to the wrapped handler.
 *
 * <p>Frame limits: Jetty delivers frames in fragments of at most 64 KiB; {@link TerminalSocket}
 * enforces the protocol's 1 MiB message limit itself so that oversized frames close with 4400.
 */
public final class TerminalEndpoint implements AutoCloseable {
  private final ConnectionRegistry registry;
  private final TerminalSession terminal;
  private final WebSocketUpgradeHandler handler;
  private final boolean compression;

  /** Creates the endpoint for {@code server}; {@link #handler()} must be installed in it. */
  public TerminalEndpoint(
      Server server, RelayConfig config, TerminalSession terminal, Handler next) {
    this.terminal = terminal;
    this.compression = config.webSocketCompression();
    this.registry = new ConnectionRegistry(config.pingInterval(), config.peerTimeout());
    this.handler =
        WebSocketUpgradeHandler.from(
            server,
            container -> {
              container.setIdleTimeout(config.peerTimeout().multipliedBy(2));
              container.setMaxTextMessageSize(Long.MAX_VALUE);
              container.setMaxBinaryMessageSize(Long.MAX_VALUE);
              container.setMaxFrameSize(64 << 10);
              container.setAutoFragment(true);
              container.addMapping(Protocol.WEBSOCKET_PATH, this::create);
            });
    handler.setHandler(new UpgradeRequired(Protocol.WEBSOCKET_PATH, Protocol.SUBPROTOCOL, next));
  }

  /** The Jetty handler to install. */
  public Handler handler() {
    return handler;
  }

  private Object create(
      ServerUpgradeRequest request,
      ServerUpgradeResponse response,
      org.eclipse.jetty.util.Callback callback) {
    if (UpgradeRequired.refuseWithoutSubprotocol(
        request, response, callback, Protocol.SUBPROTOCOL)) {
      return null;
    }
    UpgradeRequired.accept(response, Protocol.SUBPROTOCOL, compression);
    Principal principal = (Principal) request.getAttribute(Principal.ATTRIBUTE);
    Peer peer =
        new Peer(
            describe(request.getConnectionMetaData().getRemoteSocketAddress()),
            userAgent(request.getHeaders().get(HttpHeader.USER_AGENT)),
            principal == null ? null : principal.username());
    return new TerminalSocket(terminal, registry, peer, principal);
  }

  private static String userAgent(String value) {
    return value == null || value.length() <= 512 ? value : value.substring(0, 512);
  }

  /**
   * Every {@code every}, closes with 4401 the connections whose login {@code isLive} says has ended
   * (logout, a reused refresh token, the user deactivated or deleted).
   */
  public void closeRevokedLogins(Predicate<Principal> isLive, Duration every) {
    registry
        .scheduler()
        .scheduleWithFixedDelay(
            () -> registry.closeRevoked(isLive),
            every.toMillis(),
            every.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private static String describe(SocketAddress address) {
    return address instanceof InetSocketAddress inet
        ? inet.getAddress().getHostAddress() + ":" + inet.getPort()
        : String.valueOf(address);
  }

  /** Closes every connection with 1001 and stops the keepalive. */
  @Override
  public void close() {
    registry.closeAll(CloseCode.GOING_AWAY, "relay shutting down");
    registry.close();
  }
}
