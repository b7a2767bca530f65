package dev.kubetty.testing.kube;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers one exec WebSocket ({@code v4.channel.k8s.io}) with a real process on a real PTY, the way
 * a kubelet does. Uses nothing of the relay's own classes: the desktop tests run it from
 * relay-server's test-jar without them.
 *
 * <pre>
 *   every frame: [channel byte][payload]
 *   0 stdin   client -> here, written to the PTY
 *   1 stdout  here -> client, PTY output (with a TTY stderr is merged into it)
 *   3 status  here -> client, JSON Status once the process ended; then close 1000
 *   4 resize  client -> here, {"Width":cols,"Height":rows}
 * </pre>
 *
 * <p>The process runs in an empty home directory of the cluster's, with a plain {@code PATH}.
 * Threads: the mock server calls the listener methods; a virtual thread pumps the PTY's output.
 */
final class PtyExecBridge extends WebSocketListener {
  private static final Pattern SIZE =
      Pattern.compile("\"Width\"\\s*:\\s*(\\d+).*\"Height\"\\s*:\\s*(\\d+)");

  private static final long REFUSAL_DELAY_MILLIS = 50;

  private final List<String> command;
  private final FakePod.FakeContainer container;
  private final Path home;
  private final java.util.function.Consumer<String> resizes;
  private volatile PtyProcess process;

  PtyExecBridge(
      List<String> command,
      FakePod.FakeContainer container,
      Path home,
      java.util.function.Consumer<String> resizes) {
    this.command = command;
    this.container = container;
    this.home = home;
    this.resizes = resizes;
  }

  @Override
  public void onOpen(WebSocket socket, Response response) {
    String program = Path.of(command.getFirst()).getFileName().toString();
    if (container.missing().contains(program)) {
      refuseSoon(socket);
      return;
    }
    try {
      process =
          new PtyProcessBuilder(command.toArray(String[]::new))
              .setEnvironment(
                  Map.of(
                      "HOME", home.toString(),
                      "TERM", "xterm-256color",
                      "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"))
              .setDirectory(home.toString())
              // A TTY exec has one stream, as the kubelet's: stderr (dash's prompt) shares the PTY.
              .setRedirectErrorStream(true)
              .setInitialColumns(80)
              .setInitialRows(24)
              .start();
    } catch (IOException e) {
      refuseSoon(socket);
      return;
    }
    PtyProcess started = process;
    // A platform thread: pty4j's read blocks in native code, which pins a virtual thread's
    // carrier; two idle execs would then starve every virtual thread on a 2-core machine.
    Thread.ofPlatform().daemon().name("mock-exec-pump").start(() -> pump(socket, started));
  }

  /**
   * Answers "executable file not found" and closes, {@value #REFUSAL_DELAY_MILLIS} ms after the
   * upgrade, as a kubelet does once the container runtime has looked. At once instead, it trips a
   * race in fabric8 7.x's Vert.x client on a busy machine: if the close arrives before the client
   * has registered its upgrade handler, that handler throws ("WebSocket is closed") and the exec is
   * lost until the request timeout. Over a real network, with a runtime that has to look first, the
   * window is far smaller than against this mock on the same machine.
   */
  private void refuseSoon(WebSocket socket) {
    CompletableFuture.delayedExecutor(REFUSAL_DELAY_MILLIS, TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              send(socket, 3, ExecStatus.executableNotFound(command.getFirst()).getBytes());
              socket.close(1000, "");
            });
  }

  private static void pump(WebSocket socket, PtyProcess process) {
    byte[] buffer = new byte[8192];
    try (InputStream out = process.getInputStream()) {
      for (int n; (n = out.read(buffer)) >= 0; ) {
        send(socket, 1, Arrays.copyOf(buffer, n));
      }
    } catch (IOException e) {
      // Linux reports EIO on the PTY master once the child has exited: the end of output.
    }
    int code;
    try {
      code = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = -1;
    }
    String status = code == 0 ? ExecStatus.success() : ExecStatus.nonZeroExit(code);
    send(socket, 3, status.getBytes(StandardCharsets.UTF_8));
    socket.close(1000, "");
  }

  @Override
  public void onMessage(WebSocket socket, byte[] frame) {
    PtyProcess current = process;
    if (frame.length < 2 || current == null) {
      return;
    }
    byte[] payload = Arrays.copyOfRange(frame, 1, frame.length);
    try {
      switch (frame[0]) {
        // pty4j mishandles write(b, off, len) with off != 0: always a fresh array from 0.
        case 0 -> {
          current.getOutputStream().write(payload);
          current.getOutputStream().flush();
        }
        case 4 -> resize(current, new String(payload, StandardCharsets.UTF_8), resizes);
        default -> {}
      }
    } catch (IOException e) {
      // The process is gone; the pump sends the status and closes.
    }
  }

  @Override
  public void onMessage(WebSocket socket, String text) {
    onMessage(socket, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void resize(
      PtyProcess process, String json, java.util.function.Consumer<String> resizes) {
    Matcher m = SIZE.matcher(json);
    if (m.find()) {
      resizes.accept(m.group(1) + "x" + m.group(2));
      process.setWinSize(new WinSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
  }

  @Override
  public void onClosed(WebSocket socket, int code, String reason) {
    destroy();
  }

  @Override
  public void onFailure(WebSocket socket, Throwable cause, Response response) {
    destroy();
  }

  private void destroy() {
    PtyProcess current = process;
    if (current != null && current.isAlive()) {
      current.destroyForcibly();
    }
  }

  private static void send(WebSocket socket, int channel, byte[] payload) {
    byte[] frame = new byte[payload.length + 1];
    frame[0] = (byte) channel;
    System.arraycopy(payload, 0, frame, 1, payload.length);
    socket.send(frame);
  }
}
