package dev.kubetty.relay.ws;

import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.internal.PerMessageDeflateExtension;

/**
 * Jetty's {@code permessage-deflate} (RFC 7692), except that a data frame sent through {@link
 * DeflateChoice#send} without {@code compress} leaves uncompressed (RSV1 clear), which the RFC
 * allows for any message. The relay compresses terminal output only while a client is falling
 * behind, where the link is the limit and fewer bytes on it help. Otherwise deflate costs far more
 * than it saves: for typical terminal text it nearly doubled the relay's CPU per MB and cut its
 * throughput by a quarter on loopback, and it slows the client's reading too. Incoming frames,
 * control frames and frames sent without that choice work as in Jetty's own extension.
 *
 * <p>The compression context is untouched by uncompressed messages on both sides, so the two kinds
 * may alternate freely. The caller must not send data frames from two threads at once: an
 * uncompressed frame passes the compressing queue, so it must not be sent while a compressed one is
 * still in it (the terminal's output pump and the exec gateway's outbox wait for each send to
 * complete).
 */
public final class AdaptiveDeflateExtension extends PerMessageDeflateExtension {
  @Override
  public void sendFrame(OutgoingEntry entry) {
    if (DeflateChoice.raw() && !entry.getFrame().isControlFrame()) {
      nextOutgoingFrame(entry);
    } else {
      super.sendFrame(entry);
    }
  }
}
