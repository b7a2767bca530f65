package dev.kubetty.relay.ws;

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
import dev.kubetty.relay.session.AttachResult;
import dev.kubetty.relay.session.Attachment;
import dev.kubetty.relay.session.Peer;
import dev.kubetty.relay.session.TerminalSession;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection speaking {@code kubetty.v1}: waits for {@code hello}, attaches to the
 * session, then forwards input, acks and resizes while a {@link OutputPump} sends output.
 *
 * <pre>
 *   AWAIT_HELLO --hello--> ATTACHED --close/drop/displaced--> CLOSED
 *        |                     ^
 *        +--busy (4409)--------+--> CLOSED
 * </pre>
 *
 * <p>Public only because Jetty invokes the listener methods through method handles.
 *
 * <p>Threads: Jetty calls the listener methods one at a time; the pump runs on its own virtual
 * thread. Nothing a client sends can throw out of here: protocol violations close with 4400.
 */
public final class TerminalSocket implements Session.Listener.AutoDemanding {
  private static final Logger log = LoggerFactory.getLogger(TerminalSocket.class);

  private final TerminalSession terminal;
  private final ConnectionRegistry registry;
  private final Peer peer;
  private final String remote;
  private final Principal principal;
  private final StringBuilder text = new StringBuilder();
  private final java.io.ByteArrayOutputStream partialInput = new java.io.ByteArrayOutputStream();
  private long binaryBytes;
  private Session socket;
  private ScheduledFuture<?> helloTimeout;
  private volatile Attachment attachment;
  private final AtomicBoolean detached = new AtomicBoolean();
  private volatile long lastReceivedNanos = System.nanoTime();

  /** {@code principal} is the authenticated user, null when authentication is disabled. */
  TerminalSocket(
      TerminalSession terminal, ConnectionRegistry registry, Peer peer, Principal principal) {
    this.terminal = terminal;
    this.registry = registry;
    this.peer = peer;
    this.remote = peer.address();
    this.principal = principal;
  }

  /** The authenticated user of this connection, or null when authentication is disabled. */
  Principal principal() {
    return principal;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.socket = session;
    registry.add(this);
    helloTimeout =
        registry
            .scheduler()
            .schedule(() -> closeIfNoHello(), Protocol.HELLO_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onWebSocketPartialText(String fragment, boolean last) {
    touch();
    text.append(fragment);
    if (text.length() > Protocol.MAX_FRAME_BYTES) {
      protocolError("text frame larger than 1 MiB");
      return;
    }
    if (last) {
      String message = text.toString();
      text.setLength(0);
      try {
        onControl(MessageCodec.decode(message));
      } catch (ProtocolException e) {
        protocolError(e.getMessage());
      }
    }
  }

  @Override
  public void onWebSocketPartialBinary(ByteBuffer payload, boolean last, Callback callback) {
    touch();
    binaryBytes += payload.remaining();
    Attachment current = attachment;
    if (binaryBytes > Protocol.MAX_FRAME_BYTES) {
      partialInput.reset();
      protocolError("binary frame larger than 1 MiB");
    } else if (current == null) {
      protocolError("binary frame before hello");
    } else if (last && partialInput.size() == 0) {
      byte[] bytes = new byte[payload.remaining()];
      payload.get(bytes);
      current.input(bytes);
    } else {
      // A fragmented frame reaches the shell only once complete: a refused frame types nothing.
      byte[] bytes = new byte[payload.remaining()];
      payload.get(bytes);
      partialInput.writeBytes(bytes);
      if (last) {
        current.input(partialInput.toByteArray());
        partialInput.reset();
      }
    }
    if (last) {
      binaryBytes = 0;
    }
    callback.succeed();
  }

  @Override
  public void onWebSocketPong(ByteBuffer payload) {
    touch();
  }

  @Override
  public void onWebSocketClose(int code, String reason) {
    registry.remove(this);
    if (helloTimeout != null) {
      helloTimeout.cancel(false);
    }
    // When the relay closed (4401, 4410, 1001), it detached then, with its code; not again here.
    detachOnce(code, reason);
  }

  /** Ends this client's attachment, once: when the relay closes the socket or when it closed. */
  private void detachOnce(int code, String reason) {
    Attachment current = attachment;
    if (current != null && detached.compareAndSet(false, true)) {
      current.detach(code, reason);
      log.info("session={} event=detached remote={} code={}", terminal.id(), remote, code);
    }
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    log.debug("session={} event=socket-error remote={} error={}", terminal.id(), remote, cause);
  }

  private void onControl(ControlMessage message) {
    Attachment current = attachment;
    if (current == null) {
      if (message instanceof Hello hello) {
        onHello(hello);
      } else {
        protocolError("first message must be hello, got " + message.type());
      }
      return;
    }
    switch (message) {
      case Ack ack -> current.ack(ack.offset());
      case Resize r -> onResize(current, r);
      case Ping ping -> current.send(new Pong());
      case Pong pong -> {} // harmless: some clients answer pings we never sent
      case Hello hello -> protocolError("duplicate hello");
      default -> protocolError("unexpected message type " + message.type() + " from client");
    }
  }

  private void onHello(Hello hello) {
    helloTimeout.cancel(false);
    if (!Protocol.isValidSize(hello.cols(), hello.rows())) {
      protocolError("hello size out of range (cols 1-1000, rows 1-500)");
      return;
    }
    AttachResult result = terminal.attach(hello, peer, this::closeFromRelay);
    switch (result) {
      case AttachResult.Busy busy -> {
        log.info("session={} event=busy remote={}", terminal.id(), remote);
        close(
            CloseCode.BUSY, "session busy: another client is attached; takeover:true replaces it");
      }
      case AttachResult.Attached attached -> {
        Attachment a = attached.attachment();
        attachment = a;
        a.send(
            new Ready(
                terminal.id(),
                a.readyOffset(),
                terminal.window(),
                terminal.head(),
                attached.input()));
        log.info(
            "session={} event=attached remote={} offset={} resumeFrom={}",
            terminal.id(),
            remote,
            a.readyOffset(),
            hello.resumeFrom());
        OutputPump.start(a, socket, this::closeFromRelay, terminal.id());
      }
    }
  }

  private void onResize(Attachment current, Resize resize) {
    if (Protocol.isValidSize(resize.cols(), resize.rows())) {
      current.resize(resize.cols(), resize.rows());
    } else {
      current.send(
          new ErrorReply(
              "resize_out_of_range",
              "size " + resize.cols() + "x" + resize.rows() + " outside cols 1-1000, rows 1-500"));
    }
  }

  private void closeIfNoHello() {
    if (attachment == null && socket.isOpen()) {
      protocolError("no hello within 10 s");
    }
  }

  private void protocolError(String reason) {
    log.info("session={} event=protocol-error remote={} reason={}", terminal.id(), remote, reason);
    close(CloseCode.PROTOCOL_ERROR, reason);
  }

  private void closeFromRelay(CloseCode code, String reason) {
    close(code, reason);
  }

  /** Closes with a close frame; the reason is cut to fit the 123-byte limit. */
  void close(CloseCode code, String reason) {
    if (socket.isOpen()) {
      // The session is free before the close frame leaves: a client that reconnects the moment it
      // reads the close must not find itself still attached (4409 busy).
      detachOnce(code.code(), reason);
      socket.close(code.code(), CloseReasons.fit(reason), Callback.NOOP);
    }
  }

  /** Drops a peer that stopped answering, without a close handshake. */
  void disconnect() {
    socket.disconnect();
  }

  void ping() {
    socket.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
  }

  long lastReceivedNanos() {
    return lastReceivedNanos;
  }

  private void touch() {
    lastReceivedNanos = System.nanoTime();
  }
}
