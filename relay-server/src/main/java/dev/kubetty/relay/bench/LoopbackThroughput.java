package dev.kubetty.relay.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The floor for any relay on this machine: an {@link OutputScript} read from a local PTY exactly as
 * {@link LocalThroughput} reads it, but every chunk written raw to a TCP connection on 127.0.0.1
 * and timed where a second thread reads it back. No WebSocket, no ring, no flow control, no
 * compression: only the network hop every relay must make, on the same CPUs as the shell.
 */
final class LoopbackThroughput {
  private static final int CHUNK = 64 << 10;

  private LoopbackThroughput() {}

  /** One run; returns MB/s. */
  static double measure(OutputScript script, Path directory, Duration timeout)
      throws IOException, InterruptedException {
    ThroughputProbe probe = new ThroughputProbe(script);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
      server.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      Thread reader =
          Thread.ofPlatform()
              .daemon()
              .name("loopback-reader")
              .start(() -> readAll(loopback, server.getLocalPort(), probe));
      try (Socket peer = server.accept();
          OutputStream out = peer.getOutputStream()) {
        peer.setTcpNoDelay(true);
        LocalThroughput.read(script, directory, (buffer, n) -> out.write(buffer, 0, n));
      }
      double rate = probe.awaitMegabytesPerSecond(timeout);
      reader.join(timeout.toMillis());
      return rate;
    }
  }

  /** Feeds everything the connection delivers to {@code probe}; a failure shows as its timeout. */
  private static void readAll(InetAddress address, int port, ThroughputProbe probe) {
    try (Socket socket = new Socket(address, port);
        InputStream in = socket.getInputStream()) {
      socket.setTcpNoDelay(true);
      byte[] buffer = new byte[CHUNK];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        probe.accept(System.nanoTime(), buffer, n);
      }
    } catch (IOException e) {
      // The probe reports the missing bytes when it times out.
    }
  }
}
