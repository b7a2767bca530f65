package dev.kubetty.relay.ws;

import dev.kubetty.protocol.CloseCode;
import dev.kubetty.protocol.MessageCodec;
import dev.kubetty.relay.session.Attachment;
import dev.kubetty.relay.session.Outbound;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an attachment's frames to its socket, one at a time and in order, on its own platform
 * thread (woken straight by the PTY reader: a virtual thread's extra hop through the carrier pool
 * showed in keystroke echo latency).
 *
 * <p>Each send completes before the next is taken, so the relay holds at most one frame (64 KiB)
 * per connection beyond what the flow-control window already bounds. Where {@code
 * permessage-deflate} was negotiated, output is compressed only while the client is backlogged
 * ({@link Outbound.Output#backlogged}); control messages, a few dozen bytes, never are. The pump
 * ends when the attachment is detached or displaced, or when a send fails (the socket is gone).
 */
final class OutputPump {
  private static final Logger log = LoggerFactory.getLogger(OutputPump.class);

  private OutputPump() {}

  static void start(Attachment attachment, Session socket, Attachment.Closer closer, String id) {
    Thread.ofPlatform()
        .daemon()
        .name("pump-" + id)
        .start(
            () -> {
              try {
                Outbound next;
                while ((next = attachment.next()) != null) {
                  send(socket, next);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (ExecutionException e) {
                // The socket failed mid-send; Jetty reports the close and we detach there.
                log.debug("session={} event=send-failed error={}", id, e.getCause().toString());
              } catch (RuntimeException e) {
                log.error("session={} event=pump-failed", id, e);
                closer.close(CloseCode.INTERNAL_ERROR, "relay internal error");
              }
            });
  }

  private static void send(Session socket, Outbound next)
      throws InterruptedException, ExecutionException {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    Callback callback = Callback.from(() -> sent.complete(null), sent::completeExceptionally);
    switch (next) {
      case Outbound.Output out ->
          DeflateChoice.send(
              out.backlogged(), () -> socket.sendBinary(ByteBuffer.wrap(out.bytes()), callback));
      case Outbound.Control c ->
          DeflateChoice.send(
              false, () -> socket.sendText(MessageCodec.encode(c.message()), callback));
    }
    sent.get(); // also what keeps an uncompressed frame from passing a compressed one
  }
}
