package dev.kubetty.relay.server;

import dev.kubetty.relay.auth.AuthGate;
import dev.kubetty.relay.auth.LocalAuthenticator;
import dev.kubetty.relay.config.AuthMode;
import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.exec.ClusterAccess;
import dev.kubetty.relay.exec.ExecGateway;
import dev.kubetty.relay.logs.LogsHandler;
import dev.kubetty.relay.session.SessionHistory;
import dev.kubetty.relay.session.SessionRecorder;
import dev.kubetty.relay.session.TerminalSession;
import dev.kubetty.relay.web.WebPageHandler;
import dev.kubetty.relay.ws.AdaptiveDeflateExtension;
import dev.kubetty.relay.ws.TerminalEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.compression.CompressionPool;
import org.eclipse.jetty.util.compression.DeflaterPool;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running relay: the persistent terminal session plus the HTTP/WebSocket server in front of it.
 *
 * <p>Lifecycle: {@link #start} returns once the port is bound and the shell runs; {@link #close}
 * closes every client with 1001, stops the server and kills the shell. Used by {@code serve}, by
 * tests (port 0) and by the benchmark.
 */
public final class RelayServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RelayServer.class);

  private final RelayConfig config;
  private final TerminalSession terminal;
  private final Server server;
  private final TerminalEndpoint endpoint;
  private final ServerConnector connector;
  private final ExecGateway exec;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * What a relay runs with besides its configuration.
   *
   * @param recorder receives every byte in and out (the transcript)
   * @param history the stored stream the session goes on from
   * @param storeStatus {@code /readyz}'s store state: {@code ok}, {@code degraded: …} or {@code
   *     none}
   * @param logs serves {@code /session/logs} and {@code /session/logs.cast}
   * @param authenticator checks logins and tokens; required with {@code AUTH_MODE=local}, null with
   *     {@code disabled}
   */
  public record Services(
      SessionRecorder recorder,
      SessionHistory history,
      Supplier<String> storeStatus,
      LogsHandler logs,
      LocalAuthenticator authenticator) {
    /** No store, no history, no authentication. */
    public static Services none() {
      return new Services(
          SessionRecorder.NONE,
          SessionHistory.EMPTY,
          () -> "none",
          LogsHandler.withoutStore(),
          null);
    }
  }

  /** How often live WebSockets are checked for a revoked login or deactivated user. */
  static final Duration LOGIN_CHECK_INTERVAL = Duration.ofSeconds(2);

  private RelayServer(
      RelayConfig config, TerminalSession terminal, Services services, ClusterAccess clusters) {
    this.config = config;
    this.terminal = terminal;
    QueuedThreadPool threads = new QueuedThreadPool(32, 4);
    threads.setName("relay-http");
    this.server = new Server(threads);
    // permessage-deflate at the fastest level (terminal output still shrinks ~3-4x, at a fraction
    // of the default level's CPU), and for terminal output only while the client is backlogged.
    server.addBean(new DeflaterPool(CompressionPool.DEFAULT_CAPACITY, Deflater.BEST_SPEED, true));
    WebSocketServerComponents.ensureWebSocketComponents(server)
        .getExtensionRegistry()
        .register("permessage-deflate", AdaptiveDeflateExtension.class);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    if (config.auth().trustForwarded()) {
      http.addCustomizer(new ForwardedRequestCustomizer());
    }
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    InetSocketAddress listen = config.listen();
    connector.setHost(listen.getAddress().getHostAddress());
    connector.setPort(listen.getPort());
    server.addConnector(connector);
    this.exec =
        new ExecGateway(
            server,
            config.exec(),
            clusters,
            config.pingInterval(),
            config.webSocketCompression(),
            Clock.systemUTC());
    this.endpoint =
        new TerminalEndpoint(
            server,
            config,
            terminal,
            new Handler.Sequence(
                new HealthHandler(terminal::isReady, services.storeStatus()),
                services.logs(),
                exec.handler(),
                new WebPageHandler()));
    Handler root;
    if (config.authMode() == AuthMode.LOCAL) {
      LocalAuthenticator authenticator =
          Objects.requireNonNull(
              services.authenticator(), "AUTH_MODE=local needs an authenticator");
      root = AuthGate.local(endpoint.handler(), config.auth(), config.listen(), authenticator);
      endpoint.closeRevokedLogins(authenticator::isLive, LOGIN_CHECK_INTERVAL);
      exec.closeRevokedLogins(authenticator::isLive, LOGIN_CHECK_INTERVAL);
    } else {
      root =
          new AuthWarningHandler(
              AuthGate.disabled(endpoint.handler(), config.auth(), config.listen()));
    }
    server.setHandler(root);
    server.setStopTimeout(2_000);
  }

  /**
   * Starts the shell and the server with no store and no authentication ({@code AUTH_MODE} must be
   * {@code disabled}).
   *
   * @throws IOException if the shell cannot start or the address cannot be bound
   */
  public static RelayServer start(RelayConfig config) throws IOException {
    return start(config, Services.none());
  }

  /**
   * Starts the shell and the server; the session's stream goes on from {@code services.history()}
   * and every byte in and out is reported to {@code services.recorder()}.
   *
   * @throws IOException if the shell cannot start or the address cannot be bound
   */
  public static RelayServer start(RelayConfig config, Services services) throws IOException {
    return start(config, services, ClusterAccess.inCluster());
  }

  /**
   * As {@link #start(RelayConfig, Services)}, with the exec gateway reaching Kubernetes through
   * {@code clusters} (tests give it a mock cluster's client).
   *
   * @throws IOException if the shell cannot start or the address cannot be bound
   */
  public static RelayServer start(RelayConfig config, Services services, ClusterAccess clusters)
      throws IOException {
    TerminalSession terminal =
        TerminalSession.start(config, services.recorder(), services.history());
    RelayServer relay;
    try {
      relay = new RelayServer(config, terminal, services, clusters);
    } catch (RuntimeException e) {
      terminal.close();
      throw e;
    }
    try {
      relay.server.start();
    } catch (Exception e) {
      relay.close();
      throw new IOException("cannot listen on " + config.listen() + ": " + e.getMessage(), e);
    }
    if (config.authMode() == AuthMode.DISABLED) {
      log.warn(
          "AUTH_MODE=disabled: authentication is OFF. Anyone who can reach {} gets a shell.",
          relay.httpUri());
    }
    log.info("session={} event=listening url={}", config.sessionId(), relay.httpUri());
    return relay;
  }

  /** The bound port (useful when the configuration asked for port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://host:port} of this relay. */
  public URI httpUri() {
    return URI.create("http://" + hostForUri() + ":" + port());
  }

  /** {@code ws://host:port/ws} of this relay. */
  public URI webSocketUri() {
    return URI.create("ws://" + hostForUri() + ":" + port() + "/ws");
  }

  private String hostForUri() {
    String host = config.listen().getAddress().getHostAddress();
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** The persistent terminal session. */
  public TerminalSession terminal() {
    return terminal;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Closes every client with 1001, stops the server and kills the shell; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    log.info("session={} event=shutdown", config.sessionId());
    endpoint.close();
    exec.close();
    try {
      server.stop();
    } catch (Exception e) {
      // Shutting down anyway; the shell is killed below.
      log.warn("event=stop-failed error={}", e.toString());
    }
    terminal.close();
  }
}
