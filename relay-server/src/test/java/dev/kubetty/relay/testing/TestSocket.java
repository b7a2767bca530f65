package dev.kubetty.relay.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kubetty.protocol.ControlMessage;
import dev.kubetty.protocol.ControlMessage.Ack;
import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.protocol.MessageCodec;
import dev.kubetty.protocol.Protocol;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * A raw {@code kubetty.v1} test peer over a real OkHttp WebSocket that records every event, in the
 * spirit of OkHttp's {@code WebSocketRecorder}: tests say what they expect next, and anything else
 * fails the test.
 */
public final class TestSocket implements AutoCloseable {
  /** What the relay did, in order. */
  public sealed interface Event {}

  public record Text(ControlMessage message) implements Event {}

  public record Binary(byte[] bytes) implements Event {}

  public record Closed(int code, String reason) implements Event {}

  public record Failed(Throwable cause, int httpStatus) implements Event {}

  private static final OkHttpClient HTTP = new OkHttpClient.Builder().build();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final java.util.concurrent.CountDownLatch finished =
      new java.util.concurrent.CountDownLatch(1);
  private final WebSocket socket;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private boolean autoAck = true;
  private final java.util.List<String> history = new java.util.ArrayList<>();
  private long nextOffset = -1;
  private long acked;

  private TestSocket(URI uri, boolean subprotocol) {
    this(uri, subprotocol, java.util.Map.of());
  }

  private TestSocket(URI uri, boolean subprotocol, java.util.Map<String, String> headers) {
    Request.Builder request = new Request.Builder().url(uri.toString());
    headers.forEach(request::header);
    if (subprotocol) {
      request.header("Sec-WebSocket-Protocol", Protocol.SUBPROTOCOL);
    }
    this.socket = HTTP.newWebSocket(request.build(), new Recorder());
  }

  /** Opens a socket offering {@code kubetty.v1}. */
  public static TestSocket open(URI uri) {
    return new TestSocket(uri, true);
  }

  /** Opens a socket offering {@code kubetty.v1} with extra request headers (auth, Origin). */
  public static TestSocket open(URI uri, java.util.Map<String, String> headers) {
    return new TestSocket(uri, true, headers);
  }

  /** Opens a socket that offers no subprotocol. */
  public static TestSocket openWithoutSubprotocol(URI uri) {
    return new TestSocket(uri, false);
  }

  /** Whether received output is acked automatically (default true). */
  public TestSocket autoAck(boolean on) {
    this.autoAck = on;
    return this;
  }

  public void send(ControlMessage message) {
    socket.send(MessageCodec.encode(message));
  }

  public void sendRaw(String text) {
    socket.send(text);
  }

  public void sendBytes(byte[] bytes) {
    socket.send(ByteString.of(bytes));
  }

  public void type(String keys) {
    sendBytes(keys.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends hello and returns the relay's ready. */
  public Ready hello(int cols, int rows, Long resumeFrom, boolean takeover, String client) {
    send(new Hello(cols, rows, resumeFrom, takeover, client));
    return awaitReady();
  }

  /** A fresh 80x24 client with no id. */
  public Ready hello() {
    return hello(80, 24, null, false, null);
  }

  public Ready awaitReady() {
    Event event = next();
    if (event instanceof Text t && t.message() instanceof Ready ready) {
      nextOffset = ready.offset();
      acked = ready.offset();
      return ready;
    }
    return fail("expected ready, got " + event);
  }

  /** Reads output (acking it) until the text seen since the last call contains {@code marker}. */
  public String readUntil(String marker) {
    return readUntil(marker, WAIT);
  }

  public String readUntil(String marker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!output.toString(StandardCharsets.UTF_8).contains(marker)) {
      Event event = next(deadline - System.nanoTime());
      if (event instanceof Text t && !(t.message() instanceof ControlMessage.Exit)) {
        fail("expected output containing '" + marker + "', got " + t.message());
      } else if (!(event instanceof Text) && !(event instanceof Binary)) {
        fail("expected output containing '" + marker + "', got " + event + "; so far: " + output);
      }
    }
    String seen = output.toString(StandardCharsets.UTF_8);
    output.reset();
    return seen;
  }

  /** Output bytes received and not yet returned by {@link #readUntil}. */
  public byte[] pendingOutput() {
    return output.toByteArray();
  }

  /** The offset one past the last output byte received. */
  public long nextOffset() {
    return nextOffset;
  }

  /** Takes the next event, failing after 10 s. Binary output is recorded and acked. */
  public Event next() {
    return next(WAIT.toNanos());
  }

  private Event next(long timeoutNanos) {
    Event event;
    try {
      event = events.poll(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    if (event == null) {
      return fail(
          "timed out waiting for the relay; output so far: " + output + "; events: " + history);
    }
    history.add(
        event instanceof Binary b
            ? "bin(" + new String(b.bytes(), StandardCharsets.ISO_8859_1) + ")"
            : event.toString());
    if (event instanceof Binary binary) {
      output.writeBytes(binary.bytes());
      nextOffset += binary.bytes().length;
      if (autoAck && nextOffset - acked >= 64 << 10) {
        ack();
      }
    }
    return event;
  }

  /** Acks everything received so far. */
  public void ack() {
    acked = nextOffset;
    send(new Ack(acked));
  }

  /** Polls for an event without failing; null if none within {@code timeout}. */
  public Event poll(Duration timeout) throws InterruptedException {
    Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (event instanceof Binary binary) {
      output.writeBytes(binary.bytes());
      nextOffset += binary.bytes().length;
    }
    return event;
  }

  /** Skips output until the shell's exit message; returns its code. */
  public int awaitExit() {
    while (true) {
      if (next() instanceof Text t && t.message() instanceof ControlMessage.Exit exit) {
        return exit.code();
      }
    }
  }

  /** Skips output until the relay closes; returns the close event. */
  public Closed awaitClose() {
    return awaitClose(WAIT);
  }

  public Closed awaitClose(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Event event = next(deadline - System.nanoTime());
      if (event instanceof Closed closed) {
        return closed;
      }
      if (event instanceof Failed failed) {
        return fail("expected a close frame, got failure " + failed);
      }
    }
  }

  /** Expects the upgrade to be refused with {@code status}. */
  public void awaitRefused(int status) {
    Event event = next();
    assertThat(event).isInstanceOf(Failed.class);
    assertThat(((Failed) event).httpStatus()).isEqualTo(status);
  }

  /** Drops the connection without a close frame, as a dead network would. */
  public void cancel() {
    socket.cancel();
  }

  /**
   * Closes with 1000 and waits (up to 5 s) for the relay's answering close frame, so the relay has
   * detached this client before the next test attaches; then releases the socket.
   */
  @Override
  public void close() {
    if (socket.close(1000, null)) {
      try {
        finished.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    socket.cancel();
  }

  private final class Recorder extends WebSocketListener {
    @Override
    public void onMessage(WebSocket webSocket, String text) {
      events.add(new Text(MessageCodec.decode(text)));
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      events.add(new Binary(bytes.toByteArray()));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      events.add(new Closed(code, reason));
      webSocket.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      finished.countDown();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      finished.countDown();
      events.add(new Failed(t, response == null ? -1 : response.code()));
    }
  }
}
