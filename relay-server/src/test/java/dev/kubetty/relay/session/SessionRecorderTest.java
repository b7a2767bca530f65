package dev.kubetty.relay.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.logs.LogsHandler;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.TestSocket;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The transcript hooks see every byte at its offset, and a stored history is continued. */
class SessionRecorderTest {
  private static final RelayConfig CONFIG =
      RelayConfig.fromEnvironment(
              Map.of("AUTH_MODE", "disabled", "SHELL", "/bin/bash", "HOME", "/tmp"))
          .withListen(new InetSocketAddress("127.0.0.1", 0));

  @Test
  void recordsOutputContiguouslyAndInputResizeAndExitAtTheirOffsets() throws Exception {
    Recorder recorder = new Recorder();
    try (RelayServer relay =
            RelayServer.start(
                CONFIG,
                new RelayServer.Services(
                    recorder,
                    SessionHistory.EMPTY,
                    () -> "none",
                    LogsHandler.withoutStore(),
                    null));
        TestSocket client = TestSocket.open(relay.webSocketUri())) {
      client.hello(90, 30, null, false, null);
      client.type("echo rec-$((6*7)); exit 5\r");
      client.readUntil("rec-42");
      client.awaitExit();
      assertThat(recorder.events).contains("resize 90x30", "exit 5");
      assertThat(recorder.input.toString(StandardCharsets.UTF_8))
          .isEqualTo("echo rec-$((6*7)); exit 5\r");
      assertThat(recorder.gapsOrRepeats).isZero();
      assertThat(recorder.output.toString(StandardCharsets.UTF_8)).contains("rec-42");
    }
  }

  @Test
  void storedHistoryIsReplayedAndOffsetsGoOn() throws Exception {
    byte[] tail = "history from before the restart\r\n".getBytes(StandardCharsets.UTF_8);
    SessionHistory history = new SessionHistory(1_000_000, tail, 42);
    try (RelayServer relay =
            RelayServer.start(
                CONFIG,
                new RelayServer.Services(
                    SessionRecorder.NONE,
                    history,
                    () -> "none",
                    LogsHandler.withoutStore(),
                    null));
        TestSocket client = TestSocket.open(relay.webSocketUri())) {
      Ready ready = client.hello();
      assertThat(ready.offset()).isEqualTo(1_000_000);
      assertThat(ready.head()).isGreaterThanOrEqualTo(history.endOffset());
      client.readUntil("history from before the restart");
    }
  }

  private static final class Recorder implements SessionRecorder {
    final List<String> events = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final ByteArrayOutputStream input = new ByteArrayOutputStream();
    long nextOutput;
    long nextInput;
    int gapsOrRepeats;

    @Override
    public synchronized void output(long offset, byte[] buffer, int length) {
      gapsOrRepeats += offset == nextOutput ? 0 : 1;
      nextOutput = offset + length;
      output.write(buffer, 0, length);
    }

    @Override
    public synchronized void input(long inputOffset, byte[] bytes) {
      gapsOrRepeats += inputOffset == nextInput ? 0 : 1;
      nextInput = inputOffset + bytes.length;
      input.writeBytes(bytes);
    }

    @Override
    public void resize(long outputOffset, int cols, int rows) {
      events.add("resize " + cols + "x" + rows);
    }

    @Override
    public void exit(long outputOffset, int code) {
      events.add("exit " + code);
    }
  }
}
