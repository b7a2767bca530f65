package dev.kubetty.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage;
import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.protocol.MessageCodec;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The relay's side of one real WebSocket served by MockWebServer: records what the client sends
 * (control messages decoded, input as text, close codes) and sends frames back.
 */
final class RelayPeer extends WebSocketListener {
  private final CompletableFuture<WebSocket> socket = new CompletableFuture<>();
  private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    socket.complete(webSocket);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    received.add(MessageCodec.decode(text));
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    received.add(bytes);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    received.add("closing " + code);
    webSocket.close(1000, null);
  }

  /** The next control message the client sent. */
  ControlMessage message() {
    Object frame = next();
    assertThat(frame).isInstanceOf(ControlMessage.class);
    return (ControlMessage) frame;
  }

  /** The next binary frame the client sent, as UTF-8. */
  String input() {
    Object frame = next();
    assertThat(frame).isInstanceOf(ByteString.class);
    return ((ByteString) frame).utf8();
  }

  /** The next event, which must be a close from the client. */
  String closing() {
    Object frame = next();
    assertThat(frame).isInstanceOf(String.class);
    return (String) frame;
  }

  void ready(long offset, long window) {
    ready(offset, window, offset);
  }

  void ready(long offset, long window, long head) {
    text(MessageCodec.encode(new Ready("session-1", offset, window, head)));
  }

  /** A ready that says the relay has taken {@code input} bytes of this client's input. */
  void readyWithInput(long offset, long window, long input) {
    text(MessageCodec.encode(new Ready("session-1", offset, window, offset, input)));
  }

  void send(ControlMessage message) {
    text(MessageCodec.encode(message));
  }

  void text(String raw) {
    socket().send(raw);
  }

  void output(String text) {
    socket().send(ByteString.encodeUtf8(text));
  }

  void close(int code, String reason) {
    socket().close(code, reason);
  }

  void assertNothingReceived() {
    assertThat(received).isEmpty();
  }

  private WebSocket socket() {
    return socket.orTimeout(5, TimeUnit.SECONDS).join();
  }

  private Object next() {
    try {
      Object frame = received.poll(5, TimeUnit.SECONDS);
      assertThat(frame).as("frame from client within 5 s").isNotNull();
      return frame;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
