package dev.kubetty.relay.exec;

import dev.kubetty.protocol.ControlMessage;
import dev.kubetty.protocol.MessageCodec;
import dev.kubetty.relay.ws.DeflateChoice;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends one socket's frames in the order they were queued, one at a time, on a virtual thread; a
 * queued close goes after everything before it. Memory is bounded by the {@link SendWindow} for
 * output plus a handful of control messages. With {@code permessage-deflate} negotiated, output is
 * compressed only when queued as backlogged, control messages never ({@link DeflateChoice}).
 */
final class Outbox {
  private sealed interface Item {}

  private record Binary(byte[] bytes, boolean backlogged) implements Item {}

  private record Text(ControlMessage message) implements Item {}

  private record Close(int code, String reason) implements Item {}

  private record Stop() implements Item {}

  private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final Session socket;

  Outbox(Session socket, String name) {
    this.socket = socket;
    Thread.ofVirtual().name(name).start(this::run);
  }

  /** Queues output; {@code backlogged}: the client is behind, so compress it if negotiated. */
  void binary(byte[] bytes, boolean backlogged) {
    queue.add(new Binary(bytes, backlogged));
  }

  void text(ControlMessage message) {
    queue.add(new Text(message));
  }

  void close(int code, String reason) {
    queue.add(new Close(code, reason));
  }

  /** Ends the sender without sending anything more (the socket is closed already). */
  void stop() {
    queue.add(new Stop());
  }

  private void run() {
    try {
      while (true) {
        Item item = queue.take();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Callback callback = Callback.from(() -> done.complete(null), done::completeExceptionally);
        switch (item) {
          case Binary b ->
              DeflateChoice.send(
                  b.backlogged(), () -> socket.sendBinary(ByteBuffer.wrap(b.bytes()), callback));
          case Text t ->
              DeflateChoice.send(
                  false, () -> socket.sendText(MessageCodec.encode(t.message()), callback));
          case Close c -> {
            socket.close(c.code(), c.reason(), Callback.NOOP);
            return;
          }
          case Stop s -> {
            return;
          }
        }
        done.get(); // also what keeps an uncompressed frame from passing a compressed one
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // The socket is gone; its close callback cleans up.
    }
  }
}
