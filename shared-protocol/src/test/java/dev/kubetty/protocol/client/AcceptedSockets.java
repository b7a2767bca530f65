package dev.kubetty.protocol.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;

/**
 * A server socket factory that remembers every accepted connection, so a test can cut the TCP
 * connections the way a network failure does (no WebSocket close frame).
 */
final class AcceptedSockets extends ServerSocketFactory {
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  /** Closes every connection accepted so far. */
  void cutAll() {
    for (Socket socket : accepted) {
      try {
        socket.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    accepted.clear();
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new RecordingServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
  }

  private final class RecordingServerSocket extends ServerSocket {
    RecordingServerSocket() throws IOException {}

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      accepted.add(socket);
      return socket;
    }
  }
}
