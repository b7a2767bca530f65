package dev.kubetty.relay.exec;

import dev.kubetty.protocol.CloseCode;
import dev.kubetty.protocol.Protocol;
import dev.kubetty.relay.auth.Principal;
import dev.kubetty.relay.http.UpgradeRequired;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exec gateway: browsers (and any {@code kubetty.v1} client) open a shell in a pod through the
 * relay.
 *
 * <ol>
 *   <li>{@code POST /api/exec/tickets} with the target (and optionally the caller's kubeconfig)
 *       answers a one-time ticket valid 60 s ({@link TicketHandler}).
 *   <li>{@code GET /exec} upgrades to a WebSocket ({@code kubetty.v1}) whose first frame, {@code
 *       hello}, carries the ticket; or {@code GET /exec?ticket=…}, whose upgrade uses the ticket up
 *       (HTTP 403 if it is not valid). After {@code hello} the exec starts ({@link ExecSocket}).
 * </ol>
 *
 * <p>Off unless configured ({@link ExecConfig#enabled()}): then both routes answer 404 with a
 * message naming the variables. Lifecycle: created with the server; {@link #close} stops its timers
 * and the service-account client.
 */
public final class ExecGateway implements AutoCloseable {
  /** The WebSocket path. */
  public static final String EXEC_PATH = "/exec";

  private static final Logger log = LoggerFactory.getLogger(ExecGateway.class);

  private final ExecConfig config;
  private final ClusterAccess access;
  private final Duration pingInterval;
  private final boolean compression;
  private final ExecTicketStore tickets;
  private final ScheduledExecutorService scheduler;
  private final Handler handler;
  private final Set<ExecSocket> sockets = ConcurrentHashMap.newKeySet();

  /**
   * Creates the gateway for {@code server}; install {@link #handler()} in its handler chain.
   *
   * @param pingInterval how often exec sockets are pinged ({@code KUBETTY_PING_INTERVAL})
   * @param compression whether exec sockets may use permessage-deflate ({@code KUBETTY_WS_DEFLATE})
   */
  public ExecGateway(
      Server server,
      ExecConfig config,
      ClusterAccess access,
      Duration pingInterval,
      boolean compression,
      Clock clock) {
    this.config = config;
    this.compression = compression;
    this.access = access;
    this.pingInterval = pingInterval;
    this.tickets = new ExecTicketStore(clock);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("exec-timers").daemon().factory());
    TicketHandler ticketHandler = new TicketHandler(config, tickets);
    if (!config.enabled()) {
      this.handler = ticketHandler;
      return;
    }
    WebSocketUpgradeHandler upgrade =
        WebSocketUpgradeHandler.from(
            server,
            container -> {
              container.setIdleTimeout(pingInterval.multipliedBy(3));
              container.setMaxTextMessageSize(Protocol.MAX_FRAME_BYTES);
              container.setMaxBinaryMessageSize(Protocol.MAX_FRAME_BYTES);
              container.addMapping(EXEC_PATH, this::create);
            });
    upgrade.setHandler(new UpgradeRequired(EXEC_PATH, Protocol.SUBPROTOCOL, ticketHandler));
    this.handler = upgrade;
  }

  /** The Jetty handler serving both routes; declines other paths. */
  public Handler handler() {
    return handler;
  }

  private Object create(
      ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    if (UpgradeRequired.refuseWithoutSubprotocol(
        request, response, callback, Protocol.SUBPROTOCOL)) {
      return null;
    }
    Object principal = request.getAttribute(Principal.ATTRIBUTE);
    // The login this socket runs under: if it is revoked, the socket closes with 4401.
    Principal login = principal instanceof Principal p ? p : null;
    String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    String token = TicketHandler.queryParameter(request, "ticket");
    if (token == null) {
      // The ticket comes in the first frame (hello), out of URLs and proxy logs.
      UpgradeRequired.accept(response, Protocol.SUBPROTOCOL, compression);
      return new ExecSocket(null, login, this, id);
    }
    try {
      ExecTicket ticket = redeem(token, principal);
      UpgradeRequired.accept(response, Protocol.SUBPROTOCOL, compression);
      return new ExecSocket(ticket, login, this, id);
    } catch (TicketRefused e) {
      Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, e.getMessage());
      return null;
    }
  }

  /** Why a ticket opens no exec; the message is for the client (HTTP 403 or close 4403). */
  static final class TicketRefused extends Exception {
    private static final long serialVersionUID = 1L;

    TicketRefused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Redeems {@code token} (used up even if refused) for the user {@code principal} of the upgrade.
   *
   * @throws TicketRefused if it is unknown, used, expired, or another user's
   */
  ExecTicket redeem(String token, Object principal) throws TicketRefused {
    var ticket = tickets.redeem(token);
    if (ticket.isEmpty()) {
      throw new TicketRefused("exec ticket unknown, already used or expired");
    }
    Principal owner = ticket.get().owner();
    if (owner != null && !sameUser(principal, owner)) {
      log.info(
          "event=exec-ticket-foreign owner={} target={}",
          owner.username(),
          ticket.get().target().label());
      throw new TicketRefused("exec ticket belongs to another user");
    }
    return ticket.get();
  }

  private static boolean sameUser(Object principal, Principal owner) {
    return principal instanceof Principal p && p.userId() == owner.userId();
  }

  void opened(ExecSocket socket) {
    sockets.add(socket);
  }

  void closed(ExecSocket socket) {
    sockets.remove(socket);
  }

  /**
   * Every {@code every}, closes with 4401 the exec sockets whose owner's login is no longer live
   * (logout, refresh-token reuse, user deactivated), as {@code /ws} does.
   */
  public void closeRevokedLogins(Predicate<Principal> isLive, Duration every) {
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            for (ExecSocket socket : sockets) {
              Principal owner = socket.owner();
              if (owner != null && !isLive.test(owner)) {
                socket.closeFromRelay(CloseCode.UNAUTHORIZED, "login revoked");
              }
            }
          } catch (RuntimeException e) {
            // The store may be down for a moment; check again next round.
            log.warn("event=exec-login-check-failed error={}", e.toString());
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  KubernetesClient serviceAccount() {
    return access.serviceAccount();
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  Duration pingInterval() {
    return pingInterval;
  }

  /** Whether the gateway answers (see {@link ExecConfig#enabled()}). */
  public boolean enabled() {
    return config.enabled();
  }

  @Override
  public void close() {
    for (ExecSocket socket : sockets) {
      socket.closeFromRelay(CloseCode.GOING_AWAY, "relay shutting down");
    }
    scheduler.shutdownNow();
    access.close();
  }
}
