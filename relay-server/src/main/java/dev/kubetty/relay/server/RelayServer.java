package dev.kubetty.relay.server;

import dev.kubetty.relay.config.AuthMode;
import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.logs.LogsHandler;
import dev.kubetty.relay.session.SessionHistory;
import dev.kubetty.relay.session.SessionRecorder;
import dev.kubetty.relay.session.TerminalSession;
import dev.kubetty.relay.web.WebPageHandler;
import dev.kubetty.relay.ws.TerminalEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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
  private final AtomicBoolean closed = new AtomicBoolean();

  private RelayServer(
      RelayConfig config, TerminalSession terminal, Supplier<String> storeStatus, Handler logs) {
    this.config = config;
    this.terminal = terminal;
    QueuedThreadPool threads = new QueuedThreadPool(32, 4);
    threads.setName("relay-http");
    this.server = new Server(threads);
    this.connector = new ServerConnector(server, 1, 1);
    InetSocketAddress listen = config.listen();
    connector.setHost(listen.getAddress().getHostAddress());
    connector.setPort(listen.getPort());
    server.addConnector(connector);
    this.endpoint =
        new TerminalEndpoint(
            server,
            config,
            terminal,
            new Handler.Sequence(
                new HealthHandler(terminal::isReady, storeStatus), logs, new WebPageHandler()));
    Handler root = endpoint.handler();
    if (config.authMode() == AuthMode.DISABLED) {
      root = new AuthWarningHandler(root);
    }
    server.setHandler(root);
    server.setStopTimeout(2_000);
  }

  /**
   * Starts the shell and the server.
   *
   * @throws IOException if the shell cannot start or the address cannot be bound
   */
  public static RelayServer start(RelayConfig config) throws IOException {
    return start(config, SessionRecorder.NONE, SessionHistory.EMPTY, () -> "none");
  }

  /**
   * Starts the shell and the server; the session's stream goes on from {@code history}, every byte
   * in and out is reported to {@code recorder}, and {@code /readyz} reports {@code storeStatus}
   * ({@code ok}, {@code degraded: …} or {@code none}).
   *
   * @throws IOException if the shell cannot start or the address cannot be bound
   */
  public static RelayServer start(
      RelayConfig config,
      SessionRecorder recorder,
      SessionHistory history,
      Supplier<String> storeStatus)
      throws IOException {
    return start(config, recorder, history, storeStatus, LogsHandler.withoutStore());
  }

  /**
   * As {@link #start(RelayConfig, SessionRecorder, SessionHistory, Supplier)}, with {@code logs}
   * serving the stored transcript ({@code /session/logs}, {@code /session/logs.cast}).
   *
   * @throws IOException if the shell cannot start or the address cannot be bound
   */
  public static RelayServer start(
      RelayConfig config,
      SessionRecorder recorder,
      SessionHistory history,
      Supplier<String> storeStatus,
      LogsHandler logs)
      throws IOException {
    TerminalSession terminal = TerminalSession.start(config, recorder, history);
    RelayServer relay = new RelayServer(config, terminal, storeStatus, logs);
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
    try {
      server.stop();
    } catch (Exception e) {
      // Shutting down anyway; the shell is killed below.
      log.warn("event=stop-failed error={}", e.toString());
    }
    terminal.close();
  }
}
