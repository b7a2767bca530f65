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
 * connections, like a relay that cannot be reached.
 */
public final class ChaosProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean frozen;
  private volatile boolean refusing;

  public ChaosProxy(URI targetUri) throws IOException {
    this.target = new InetSocketAddress(targetUri.getHost(), targetUri.getPort());
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("chaos-accept").start(this::acceptLoop);
  }

  /** The relay's WebSocket URI as seen through this proxy. */
  public URI webSocketUri() {
    return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws");
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
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread.ofPlatform()
        .daemon()
        .name("chaos-pipe")
        .start(
            () -> {
              byte[] buffer = new byte[64 << 10];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  while (frozen) {
                    Thread.sleep(50);
                  }
                  out.write(buffer, 0, n);
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
