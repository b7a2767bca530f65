package dev.kubetty.protocol.client;

import dev.kubetty.protocol.CloseCode;
import dev.kubetty.protocol.ControlMessage;
import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.protocol.ControlMessage.Pong;
import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.protocol.ControlMessage.Resize;
import dev.kubetty.protocol.MessageCodec;
import dev.kubetty.protocol.ProtocolException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link RelayClient}: opens sockets, says hello, reconnects with backoff and
 * decides when to stop. State lives under one lock; listener events are enqueued under it and run
 * after it is released (see {@link CallbackQueue}).
 */
final class ReconnectingSocket {
  private static final Logger log = LoggerFactory.getLogger(ReconnectingSocket.class);
  static final long MAX_PENDING_INPUT_BYTES = 1 << 20;

  private final Settings settings;
  private final OkHttpClient http;
  private final ClientThreads threads;
  private final CallbackQueue callbacks = new CallbackQueue();
  private final StreamDelivery delivery;
  private final Object lock = new Object();

  // Guarded by lock.
  private final Backoff backoff;
  private final InputBuffer pendingInput = new InputBuffer(MAX_PENDING_INPUT_BYTES);
  private final InputJournal journal = new InputJournal();
  private State state = State.NEW;
  private boolean closedByUser;
  private boolean takeoverPending;
  private int cols;
  private int rows;
  private int generation;
  private Connection current;
  private ScheduledFuture<?> timer;

  ReconnectingSocket(Settings settings) {
    this.settings = settings;
    this.threads = new ClientThreads(settings);
    this.http = threads.http();
    this.delivery =
        new StreamDelivery(settings.listener(), settings.resumeFrom(), settings.clientId());
    this.backoff = new Backoff(settings.backoffMin(), settings.backoffMax(), new Random());
    this.takeoverPending = settings.takeover();
    this.cols = settings.cols();
    this.rows = settings.rows();
  }

  // ---- public operations, any thread ----

  void connect() {
    synchronized (lock) {
      if (state != State.NEW) {
        return;
      }
      setState(State.CONNECTING, "connecting to " + settings.loggableUri());
      scheduleOpen(Duration.ZERO);
    }
    callbacks.drain();
  }

  boolean send(byte[] input) {
    byte[] owned = input.clone(); // one copy, kept by the journal or the pending buffer
    synchronized (lock) {
      if (state == State.CLOSED) {
        return false;
      }
      if (state == State.LIVE && pendingInput.sizeBytes() == 0 && current.send(owned)) {
        journal.record(owned);
        return true;
      }
      return pendingInput.offer(owned);
    }
  }

  void resize(int cols, int rows) {
    synchronized (lock) {
      this.cols = cols;
      this.rows = rows;
      if (state == State.LIVE) {
        current.send(MessageCodec.encode(new Resize(cols, rows)));
      }
    }
  }

  boolean takeOver() {
    synchronized (lock) {
      if (state != State.CLOSED || closedByUser) {
        return false;
      }
      takeoverPending = true;
      backoff.reset();
      setState(State.CONNECTING, "taking the session over");
      scheduleOpen(Duration.ZERO);
    }
    callbacks.drain();
    return true;
  }

  long offset() {
    return delivery.expected();
  }

  State state() {
    synchronized (lock) {
      return state;
    }
  }

  void dropConnection() {
    synchronized (lock) {
      if (current != null) {
        lose(current, "connection dropped on purpose");
      }
    }
    callbacks.drain();
  }

  void close() {
    synchronized (lock) {
      if (closedByUser) {
        return;
      }
      closedByUser = true;
      cancelTimer();
      if (current != null) {
        current.close(1000, "client closed");
        current = null;
      }
      if (state != State.CLOSED) {
        setState(State.CLOSED, "closed by client");
        callbacks.enqueue(() -> settings.listener().onClosed(1000, "closed by client"));
      }
      threads.shutdown();
    }
    callbacks.drain();
  }

  // ---- socket events, OkHttp threads ----

  void opened(Connection connection) {
    synchronized (lock) {
      if (connection != current) {
        return;
      }
      connection.helloCols = cols;
      connection.helloRows = rows;
      Hello hello =
          new Hello(cols, rows, delivery.resumeFrom(), takeoverPending, settings.clientId());
      log.info(
          "client {}: socket #{} open, hello resumeFrom={} takeover={}",
          settings.clientId(),
          connection.generation,
          hello.resumeFrom(),
          hello.takeover());
      connection.send(MessageCodec.encode(hello));
    }
  }

  void textReceived(Connection connection, String text) {
    ControlMessage message;
    try {
      message = MessageCodec.decode(text);
    } catch (ProtocolException e) {
      log.warn("client {}: ignoring bad control frame: {}", settings.clientId(), e.getMessage());
      return;
    }
    switch (message) {
      case Ready ready -> post(connection, () -> ready(connection, ready));
      case ControlMessage.Exit exit -> post(connection, () -> delivery.exit(exit.code()));
      case ControlMessage.ErrorReply error -> post(connection, () -> relayError(error));
      case ControlMessage.Ping ping -> connection.send(MessageCodec.encode(new Pong()));
      case ControlMessage.Pong pong -> {}
      default -> log.warn("client {}: ignoring unexpected {}", settings.clientId(), message.type());
    }
  }

  void outputReceived(Connection connection, byte[] frame) {
    post(connection, () -> delivery.output(connection, frame));
  }

  void closedByRelay(Connection connection, int code, String reason) {
    synchronized (lock) {
      if (connection != current) {
        return;
      }
      if (CloseCode.isReconnectable(code)) {
        lose(connection, "relay closed " + code + (reason.isEmpty() ? "" : " " + reason));
      } else {
        finish(code, reason);
      }
    }
    callbacks.drain();
  }

  void failed(Connection connection, Throwable failure, int httpStatus) {
    synchronized (lock) {
      if (connection != current) {
        return;
      }
      if (UpgradeFailure.isFinal(httpStatus)) {
        finish(4000 + httpStatus, "HTTP " + httpStatus + " at upgrade");
      } else {
        lose(connection, UpgradeFailure.describe(failure, httpStatus));
      }
    }
    callbacks.drain();
  }

  // ---- internals ----

  private void ready(Connection connection, Ready ready) {
    delivery.ready(connection, ready);
    synchronized (lock) {
      if (connection != current) {
        return;
      }
      backoff.reset();
      takeoverPending = false;
      resendLost(connection, ready);
      for (byte[] input : pendingInput.drain()) {
        connection.send(input);
        journal.record(input);
      }
      if (cols != connection.helloCols || rows != connection.helloRows) {
        connection.send(MessageCodec.encode(new Resize(cols, rows)));
      }
      setState(State.LIVE, "session " + ready.session() + " from offset " + ready.offset());
    }
  }

  /** Sends again, first, the input the last connection swallowed (PROTOCOL.md section 5.1). */
  private void resendLost(Connection connection, Ready ready) {
    InputJournal.Resend resend = journal.afterReady(ready.input());
    long bytes = 0;
    for (byte[] chunk : resend.chunks()) {
      connection.send(chunk);
      bytes += chunk.length;
    }
    if (bytes > 0) {
      log.info(
          "client {}: sent again {} input bytes the last connection lost",
          settings.clientId(),
          bytes);
    }
    if (resend.lost() > 0) {
      log.warn(
          "client {}: {} input bytes were lost with the last connection",
          settings.clientId(),
          resend.lost());
    }
  }

  private void relayError(ControlMessage.ErrorReply error) {
    log.warn("client {}: relay refused: {} {}", settings.clientId(), error.code(), error.message());
    settings.listener().onError(error.code(), error.message());
  }

  /** Enqueues an event that runs only if {@code connection} is still the current one. */
  private void post(Connection connection, Runnable event) {
    callbacks.enqueue(
        () -> {
          if (isCurrent(connection)) {
            event.run();
          }
        });
    callbacks.drain();
  }

  private boolean isCurrent(Connection connection) {
    synchronized (lock) {
      return connection == current;
    }
  }

  private void open() {
    String authorization;
    try {
      authorization = settings.authorization().get();
    } catch (RuntimeException e) {
      // Say only which exception: its message might quote a token.
      retryLater("authorization supplier threw " + e.getClass().getSimpleName());
      return;
    }
    synchronized (lock) {
      if (!wantsSocket()) {
        return;
      }
      current = new Connection(this, ++generation);
      current.attach(http.newWebSocket(settings.upgradeRequest(authorization), current));
      log.info("client {}: opening socket #{}", settings.clientId(), generation);
    }
  }

  private boolean wantsSocket() {
    return !closedByUser
        && current == null
        && (state == State.CONNECTING || state == State.RECONNECTING);
  }

  private void retryLater(String why) {
    synchronized (lock) {
      if (wantsSocket()) {
        scheduleRetry(why);
      }
    }
    callbacks.drain();
  }

  /** Gives up on {@code connection} and schedules the next attempt. Caller holds lock. */
  private void lose(Connection connection, String why) {
    current = null;
    connection.cancel();
    scheduleRetry(why);
  }

  /** Reports RECONNECTING and arms the timer for the next attempt. Caller holds lock. */
  private void scheduleRetry(String why) {
    Duration wait = backoff.next();
    setState(
        State.RECONNECTING,
        "attempt " + backoff.attempts() + " in " + wait.toMillis() + " ms: " + why);
    scheduleOpen(wait);
  }

  /** Stops for good after the relay said so. Caller holds lock. */
  private void finish(int code, String reason) {
    current = null;
    cancelTimer();
    setState(State.CLOSED, "closed by relay: " + code + (reason.isEmpty() ? "" : " " + reason));
    callbacks.enqueue(() -> settings.listener().onClosed(code, reason));
  }

  private void setState(State next, String detail) {
    state = next;
    log.info("client {}: {} ({})", settings.clientId(), next, detail);
    callbacks.enqueue(() -> settings.listener().onStateChanged(next, detail));
  }

  private void scheduleOpen(Duration wait) {
    timer = threads.schedule(this::open, wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
