package dev.kubetty.protocol.client;

import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One WebSocket attempt of a {@link ReconnectingSocket}: OkHttp's listener for that socket plus its
 * flow-control counters. Each reconnect makes a new one, so the client can tell a stale callback
 * from an old socket by identity. OkHttp calls it on that socket's reader thread.
 */
final class Connection extends WebSocketListener {
  final int generation;
  private final ReconnectingSocket client;
  private volatile WebSocket socket;

  // Touched only inside serialized callback events.
  boolean started;
  long window;
  long lastAcked;

  // Guarded by the client's lock.
  int helloCols;
  int helloRows;

  Connection(ReconnectingSocket client, int generation) {
    this.client = client;
    this.generation = generation;
  }

  void attach(WebSocket socket) {
    this.socket = socket;
  }

  /** Queues a text frame; false if the socket is closing or its 16 MiB send queue is full. */
  boolean send(String text) {
    return socket.send(text);
  }

  /** Queues a binary frame (copied); same failure rules as {@link #send(String)}. */
  boolean send(byte[] bytes) {
    return socket.send(ByteString.of(bytes));
  }

  void close(int code, String reason) {
    socket.close(code, reason);
  }

  void cancel() {
    socket.cancel();
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    client.opened(this);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    client.textReceived(this, text);
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    client.outputReceived(this, bytes.toByteArray());
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(1000, null); // completes the close handshake the relay started
    client.closedByRelay(this, code, reason);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    client.closedByRelay(this, code, reason);
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    client.failed(this, t, response == null ? -1 : response.code());
  }
}
