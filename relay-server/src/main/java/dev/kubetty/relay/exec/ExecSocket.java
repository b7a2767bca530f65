package dev.kubetty.relay.exec;

import dev.kubetty.protocol.CloseCode;
import dev.kubetty.protocol.ControlMessage;
import dev.kubetty.protocol.ControlMessage.Ack;
import dev.kubetty.protocol.ControlMessage.ErrorReply;
import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.protocol.ControlMessage.Ping;
import dev.kubetty.protocol.ControlMessage.Pong;
import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.protocol.ControlMessage.Resize;
import dev.kubetty.protocol.MessageCodec;
import dev.kubetty.protocol.Protocol;
import dev.kubetty.protocol.ProtocolException;
import dev.kubetty.relay.auth.Principal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code GET /exec} WebSocket speaking {@code kubetty.v1}, bridged to one Kubernetes exec.
 *
 * <pre>
 *   AWAIT_HELLO --hello--> ready sent, exec starting --started--> RUNNING --exit--> exit, close 1000
 *        |                          |                                |
 *        +--bad frame: 4400         +--cannot start: error, 1000     +--client closes: exec closed
 *        +--no valid ticket: 4403 (ticket-less upgrade only)
 * </pre>
 *
 * <p>Tickets: a socket upgraded with {@code ?ticket=} holds its redeemed ticket from the start. A
 * socket upgraded without one must send, within {@link #TICKET_TIMEOUT_MILLIS}, a {@code hello}
 * whose {@code ticket} field is valid (issued, unexpired, unused, the upgrading user's); anything
 * else closes it with 4403 and the reason. A ticket in both places is a protocol error.
 *
 * <p>The stream is new for every exec: {@code ready.offset} is 0 and {@code resumeFrom} is ignored
 * (an exec cannot be resumed; reconnect means a new ticket and a new shell). Input and resizes that
 * arrive while the exec is starting are held (up to 64 KiB) and delivered once it runs. Output is
 * paced by the window exactly as on {@code /ws}.
 *
 * <p>Keepalive: the socket is pinged and the exec stream gets its size re-sent every {@code
 * KUBETTY_PING_INTERVAL}, so neither is cut while the shell is idle.
 *
 * <p>Threads: Jetty calls the listener one event at a time; the exec starts and its output is
 * pumped on a virtual thread; frames go out through an {@link Outbox}.
 */
public final class ExecSocket implements Session.Listener.AutoDemanding {
  private static final Logger log = LoggerFactory.getLogger(ExecSocket.class);
  private static final int MAX_PENDING_INPUT = 64 << 10;

  /** How long a socket upgraded without {@code ?ticket=} may take to send its ticket. */
  static final long TICKET_TIMEOUT_MILLIS = 5_000;

  private final Principal login;
  private final boolean ticketInHello;
  private final ExecGateway gateway;
  private final String id;
  private final SendWindow window = new SendWindow(1 << 20);
  private final ByteArrayOutputStream pendingInput = new ByteArrayOutputStream();
  private Session socket;
  private Outbox outbox;
  private ScheduledFuture<?> helloTimeout;
  private ScheduledFuture<?> pings;
  private ExecRunner runner;
  private ExecTicket ticket;
  private boolean helloSeen;
  private Resize pendingResize;
  private volatile ExecStream stream;
  private volatile boolean closed;

  /**
   * @param ticket the ticket redeemed at the upgrade, or {@code null}: it comes with {@code hello}
   * @param login the upgrading user ({@code null} without authentication)
   */
  ExecSocket(ExecTicket ticket, Principal login, ExecGateway gateway, String id) {
    this.ticket = ticket;
    this.ticketInHello = ticket == null;
    this.login = login;
    this.gateway = gateway;
    this.id = id;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.socket = session;
    this.outbox = new Outbox(session, "exec-out-" + id);
    gateway.opened(this);
    long helloWithin = ticketInHello ? TICKET_TIMEOUT_MILLIS : Protocol.HELLO_TIMEOUT_MILLIS;
    helloTimeout =
        gateway.scheduler().schedule(this::closeIfNoHello, helloWithin, TimeUnit.MILLISECONDS);
    long every = gateway.pingInterval().toMillis();
    pings =
        gateway
            .scheduler()
            .scheduleAtFixedRate(
                () -> session.sendPing(ByteBuffer.allocate(0), Callback.NOOP),
                every,
                every,
                TimeUnit.MILLISECONDS);
    log.info(
        "exec={} event=socket-open user={} target={}",
        id,
        login == null ? "-" : login.username(),
        ticketInHello ? "(ticket in hello)" : ticket.target().label());
  }

  @Override
  public void onWebSocketText(String message) {
    try {
      onControl(MessageCodec.decode(message));
    } catch (ProtocolException e) {
      protocolError(e.getMessage());
    }
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    callback.succeed();
    if (!helloSeen) {
      protocolError("binary frame before hello");
      return;
    }
    input(bytes);
  }

  private void onControl(ControlMessage message) {
    if (!helloSeen) {
      if (message instanceof Hello hello) {
        onHello(hello);
      } else {
        protocolError("first message must be hello, got " + message.type());
      }
      return;
    }
    switch (message) {
      case Resize r -> onResize(r);
      case Ack a -> window.ack(a.offset());
      case Ping p -> outbox.text(new Pong());
      case Pong p -> {} // harmless
      case Hello h -> protocolError("duplicate hello");
      default -> protocolError("unexpected message type " + message.type() + " from client");
    }
  }

  private void onHello(Hello hello) {
    helloTimeout.cancel(false);
    if (!Protocol.isValidSize(hello.cols(), hello.rows())) {
      protocolError("hello size out of range (cols 1-1000, rows 1-500)");
      return;
    }
    if (!admitted(hello)) {
      return;
    }
    helloSeen = true;
    outbox.text(new Ready("exec-" + id, 0, window.size(), 0));
    runner = new ExecRunner(ticket, gateway, id, window, outbox, this::attach);
    runner.start(hello.cols(), hello.rows());
  }

  /** Checks the ticket side of {@code hello}; false after closing the socket. */
  private boolean admitted(Hello hello) {
    if (!ticketInHello) {
      if (hello.ticket() != null) {
        protocolError("exec ticket given twice (URL and hello)");
        return false;
      }
      return true;
    }
    if (hello.ticket() == null) {
      forbidden("exec ticket required: send it in hello's 'ticket' field");
      return false;
    }
    try {
      ticket = gateway.redeem(hello.ticket(), login);
    } catch (ExecGateway.TicketRefused e) {
      forbidden(e.getMessage());
      return false;
    }
    log.info("exec={} event=ticket-redeemed target={}", id, ticket.target().label());
    return true;
  }

  private void onResize(Resize r) {
    if (!Protocol.isValidSize(r.cols(), r.rows())) {
      outbox.text(
          new ErrorReply(
              "resize_out_of_range",
              "size " + r.cols() + "x" + r.rows() + " outside cols 1-1000, rows 1-500"));
      return;
    }
    synchronized (pendingInput) {
      ExecStream current = stream;
      if (current == null) {
        pendingResize = r;
      } else {
        current.resize(r.cols(), r.rows());
      }
    }
  }

  private void input(byte[] bytes) {
    synchronized (pendingInput) {
      ExecStream current = stream;
      if (current == null) {
        if (pendingInput.size() + bytes.length <= MAX_PENDING_INPUT) {
          pendingInput.writeBytes(bytes);
        }
        return;
      }
      write(current, bytes);
    }
  }

  private void write(ExecStream current, byte[] bytes) {
    try {
      current.write(bytes);
    } catch (IOException e) {
      // The exec is ending; the pump reports its exit.
      log.debug("exec={} event=input-after-end", id);
    }
  }

  /** Makes the started exec current and flushes what arrived meanwhile; false if closed already. */
  private boolean attach(ExecStream started) {
    synchronized (pendingInput) {
      if (closed) {
        return false;
      }
      stream = started;
      if (pendingResize != null) {
        started.resize(pendingResize.cols(), pendingResize.rows());
      }
      if (pendingInput.size() > 0) {
        write(started, pendingInput.toByteArray());
        pendingInput.reset();
      }
      return true;
    }
  }

  @Override
  public void onWebSocketClose(int code, String reason) {
    closed = true;
    gateway.closed(this);
    window.close();
    cancelTimers();
    synchronized (pendingInput) {
      ExecStream current = stream;
      if (current != null) {
        current.close();
      }
    }
    if (outbox != null) {
      outbox.stop();
    }
    log.info("exec={} event=socket-closed code={}", id, code);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    log.debug("exec={} event=socket-error error={}", id, cause.toString());
  }

  private void cancelTimers() {
    if (helloTimeout != null) {
      helloTimeout.cancel(false);
    }
    if (pings != null) {
      pings.cancel(false);
    }
    if (runner != null) {
      runner.stopKeepalive();
    }
  }

  private void closeIfNoHello() {
    if (helloSeen || !socket.isOpen()) {
      return;
    }
    if (ticketInHello) {
      forbidden("no exec ticket within " + TICKET_TIMEOUT_MILLIS / 1000 + " s");
    } else {
      protocolError("no hello within " + Protocol.HELLO_TIMEOUT_MILLIS / 1000 + " s");
    }
  }

  /** The login this socket runs under ({@code null} without authentication). */
  Principal owner() {
    return login;
  }

  /** Closes from the relay's side (revoked login, shutdown); the exec ends with the socket. */
  void closeFromRelay(CloseCode code, String reason) {
    log.info("exec={} event=closed-by-relay code={} reason={}", id, code.code(), reason);
    outbox.close(code.code(), reason);
  }

  private void forbidden(String reason) {
    log.info("exec={} event=ticket-refused reason={}", id, reason);
    outbox.close(CloseCode.FORBIDDEN.code(), reason);
  }

  private void protocolError(String reason) {
    log.info("exec={} event=protocol-error reason={}", id, reason);
    outbox.close(
        CloseCode.PROTOCOL_ERROR.code(), reason.length() > 120 ? reason.substring(0, 120) : reason);
  }
}
