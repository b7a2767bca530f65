package dev.kubetty.relay.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.client.RelayClient;
import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.ChaosProxy;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.SeqOutput;
import dev.kubetty.relay.testing.StreamRecorder;
import dev.kubetty.relay.testing.WebSocketFrameLog;
import dev.kubetty.relay.testing.WebSocketFrameLog.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With permessage-deflate negotiated (OkHttp offers it), the relay compresses output only while the
 * client falls behind: over a fast link frames go out raw, over a slow one compressed, and the
 * stream arrives intact either way. The frames are read off the wire by a proxy in between.
 */
@Timeout(90)
class AdaptiveCompressionTest {
  private static final int LINES = 300_000; // `seq` prints ~2.4 MB through the PTY
  private static final String SEQ = "seq 1 " + LINES;

  @Test
  void outputGoesRawWhileTheClientKeepsUp() throws Exception {
    List<Frame> binary = flood(SeqOutput.pacedSeq(LINES), 0, Map.of());

    long compressed = binary.stream().filter(Frame::rsv1).count();
    assertThat(binary).hasSizeGreaterThan(20);
    // Paced output, so the client keeps up even on a busy machine; a relay that compressed
    // regardless would compress every frame.
    assertThat(compressed)
        .as("compressed of %d output frames", binary.size())
        .isLessThanOrEqualTo(binary.size() / 10);
  }

  @Test
  void outputIsCompressedOnceASlowLinkBacksTheClientUp() throws Exception {
    List<Frame> binary = flood(SEQ, 1_000_000, Map.of());

    int first = WebSocketFrameLog.assertCompressedFromFirst(binary);
    // Compression starts when three quarters of the window are unacknowledged; what went raw before
    // is that plus what the client had acknowledged meanwhile (the link drains 1 MB/s while the
    // socket buffers fill), so a little over the window on a slow run, far less than two.
    long rawBytes = binary.subList(0, first).stream().mapToLong(Frame::length).sum();
    assertThat(rawBytes)
        .as("raw bytes before the window first filled")
        .isLessThan(2L * RelayConfig.DEFAULT_WINDOW_BYTES);
  }

  @Test
  void nothingIsCompressedWhenTurnedOff() throws Exception {
    List<Frame> binary = flood(SEQ, 1_000_000, Map.of("KUBETTY_WS_DEFLATE", "off"));

    assertThat(binary).hasSizeGreaterThan(20).noneMatch(Frame::rsv1);
  }

  /**
   * Runs {@code command} (which prints {@code seq 1 LINES}) through a proxy forwarding the relay's
   * side at {@code bytesPerSecond} (0: no limit), checks that the client got exactly its output,
   * and returns the binary messages sent.
   */
  private static List<Frame> flood(String command, long bytesPerSecond, Map<String, String> env)
      throws Exception {
    WebSocketFrameLog frames = new WebSocketFrameLog();
    try (RelayServer relay = RelayFixture.start(env);
        ChaosProxy link = new ChaosProxy(relay.webSocketUri())) {
      link.tapDownstream(frames);
      StreamRecorder recorder = new StreamRecorder();
      RelayClient client = ChaosClient.connectLive(link.webSocketUri(), recorder);
      try {
        link.limitDownstream(bytesPerSecond);
        client.send((command + "; echo END-$((6*7))\r").getBytes(StandardCharsets.UTF_8));
        recorder.awaitText("END-42", Duration.ofSeconds(60));
      } finally {
        client.close();
      }
      byte[] flood = SeqOutput.cut(recorder.bytes(), "END-42");
      assertThat(SeqOutput.sha256(flood)).isEqualTo(SeqOutput.sha256(SeqOutput.expected(LINES)));
      assertThat(recorder.gaps()).isEmpty();
    }
    return frames.binaryMessages();
  }
}
