package dev.kubetty.relay.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that plays a bad network between a client and the relay: {@link #cutAll}
 * resets every connection (no WebSocket close frame), {@link #freeze} stops forwarding while
 * keeping the sockets open, like a peer that vanished without a FIN; {@link #refuse} resets new
 * connections, like a relay that cannot be reached. {@link #limitDownstream} makes the relay's side
 * a slow link; {@link #tapDownstream} shows a test every byte the relay sent.
 */
public final class ChaosProxy implements AutoCloseable {
  /** Relay-to-client bytes are read this many at a time, so pacing stays smooth. */
  private static final int PACED_CHUNK = 16 << 10;

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean frozen;
  private volatile boolean refusing;
  private volatile long downstreamBytesPerSecond;
  private volatile Tap downstreamTap;

  /** Sees a connection's bytes in the order they were forwarded. */
  public interface Tap {
    void accept(byte[] bytes, int offset, int length);
  }

  public ChaosProxy(URI targetUri) throws IOException {
    this.target = new InetSocketAddress(targetUri.getHost(), targetUri.getPort());
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("chaos-accept").start(this::acceptLoop);
  }

  /** The relay's WebSocket URI as seen through this proxy. */
  public URI webSocketUri() {
    return webSocketUri("/ws");
  }

  /** The relay's WebSocket URI for {@code pathAndQuery} as seen through this proxy. */
  public URI webSocketUri(String pathAndQuery) {
    return URI.create("ws://127.0.0.1:" + server.getLocalPort() + pathAndQuery);
  }

  /** The relay's base URL as seen through this proxy, e.g. for a desktop project. */
  public String httpUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** How many connections the proxy has accepted. */
  public int accepted() {
    return accepted.get();
  }

  /** Resets every open connection, both sides, without any close handshake. */
  public void cutAll() {
    for (Socket socket : sockets) {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException e) {
        // Already closed: nothing to cut.
      }
    }
    sockets.clear();
  }

  /**
   * Stops forwarding in both directions; sockets stay open. Bytes read meanwhile are held until
   * {@link #thaw}, and lost if their connection is cut first (a network that vanished).
   */
  public void freeze() {
    frozen = true;
  }

  /** Forwards again. */
  public void thaw() {
    frozen = false;
  }

  /**
   * Forwards what the relay sends at no more than {@code bytesPerSecond} from now on (0: as fast as
   * it comes), like a slow link to the client; the relay's own socket does not notice at once (the
   * proxy's buffers fill first), just as behind a real one.
   */
  public void limitDownstream(long bytesPerSecond) {
    downstreamBytesPerSecond = bytesPerSecond;
  }

  /** Feeds everything the relay sends on connections accepted from now on to {@code tap}. */
  public void tapDownstream(Tap tap) {
    downstreamTap = tap;
  }

  /** While set, new connections are reset at once (the relay looks unreachable). */
  public void refuse(boolean refuse) {
    refusing = refuse;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (refusing) {
          client.setSoLinger(true, 0);
          client.close();
          continue;
        }
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(upstream);
        accepted.incrementAndGet();
        pipe(client, upstream, false);
        pipe(upstream, client, true);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pipe(Socket from, Socket to, boolean downstream) {
    Tap tap = downstream ? downstreamTap : null;
    Thread.ofPlatform()
        .daemon()
        .name("chaos-pipe")
        .start(
            () -> {
              byte[] buffer = new byte[64 << 10];
              long started = System.nanoTime();
              long forwarded = 0;
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer, 0, downstream ? PACED_CHUNK : buffer.length)) >= 0) {
                  while (frozen) {
                    Thread.sleep(50);
                  }
                  long rate = downstream ? downstreamBytesPerSecond : 0;
                  if (rate > 0) {
                    long due = started + forwarded * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                  } else {
                    started = System.nanoTime();
                    forwarded = 0;
                  }
                  if (tap != null) {
                    tap.accept(buffer, 0, n);
                  }
                  out.write(buffer, 0, n);
                  forwarded += n;
                }
              } catch (IOException | InterruptedException e) {
                // The connection was cut; the other pipe notices on its own.
              } finally {
                sockets.remove(from);
                closeQuietly(to);
              }
            });
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Best effort.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    cutAll();
  }
}
