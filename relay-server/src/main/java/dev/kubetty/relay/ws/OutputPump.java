package dev.kubetty.relay.ws;

import dev.kubetty.protocol.CloseCode;
import dev.kubetty.protocol.MessageCodec;
import dev.kubetty.relay.session.Attachment;
import dev.kubetty.relay.session.Outbound;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an attachment's frames to its socket in order, on a virtual thread.
 *
 * <p>Up to {@value #IN_FLIGHT} frames (of at most 64 KiB each) may be queued in Jetty at once, so
 * the pump prepares the next frame while the previous one is written instead of waiting for each.
 * That bounds the relay's per-connection send memory to 256 KiB on top of what the flow-control
 * window already bounds. The pump ends when the attachment is detached or displaced, or when a send
 * fails (the socket is gone; Jetty reports the close and the socket detaches there).
 */
final class OutputPump {
  private static final Logger log = LoggerFactory.getLogger(OutputPump.class);
  private static final int IN_FLIGHT = 4;

  private final Attachment attachment;
  private final Session socket;
  private final Semaphore slots = new Semaphore(IN_FLIGHT);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private OutputPump(Attachment attachment, Session socket) {
    this.attachment = attachment;
    this.socket = socket;
  }

  static void start(Attachment attachment, Session socket, Attachment.Closer closer, String id) {
    OutputPump pump = new OutputPump(attachment, socket);
    Thread.ofVirtual().name("pump-" + id).start(() -> pump.run(closer, id));
  }

  private void run(Attachment.Closer closer, String id) {
    try {
      Outbound next;
      while (failure.get() == null && (next = attachment.next()) != null) {
        slots.acquire();
        send(next);
      }
      if (failure.get() != null) {
        log.debug("session={} event=send-failed error={}", id, failure.get().toString());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("session={} event=pump-failed", id, e);
      closer.close(CloseCode.INTERNAL_ERROR, "relay internal error");
    }
  }

  private void send(Outbound next) {
    Callback callback =
        Callback.from(
            slots::release,
            error -> {
              failure.compareAndSet(null, error == null ? new IOException("send failed") : error);
              slots.release();
            });
    switch (next) {
      case Outbound.Output out -> socket.sendBinary(ByteBuffer.wrap(out.bytes()), callback);
      case Outbound.Control c -> socket.sendText(MessageCodec.encode(c.message()), callback);
    }
  }
}
