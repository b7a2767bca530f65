package dev.kubetty.relay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.client.RelayClient;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.ChaosProxy;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.SeqOutput;
import dev.kubetty.relay.testing.StreamRecorder;
import dev.kubetty.relay.testing.WebSocketFrameLog;
import dev.kubetty.relay.testing.WebSocketFrameLog.Frame;
import dev.kubetty.testing.kube.FakePod;
import dev.kubetty.testing.kube.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exec sockets, like the terminal's, carry output compressed only while the client falls behind:
 * raw over a fast link, compressed over a slow one, byte-exact either way. Frames are read off the
 * wire by a proxy in between; a real bash answers behind the mock API server.
 */
@Timeout(120)
class ExecCompressionTest {
  private static final int LINES = 300_000; // `seq` prints ~2.4 MB through the PTY

  private MockCluster cluster;
  private KubernetesClient serviceAccount;

  @BeforeEach
  void start() throws Exception {
    cluster = MockCluster.start();
    cluster.add(FakePod.running("team-a", "web-0", "app"));
    serviceAccount = cluster.client();
  }

  @AfterEach
  void stop() {
    serviceAccount.close();
    cluster.close();
  }

  @Test
  void execOutputGoesRawWhileTheClientKeepsUp() throws Exception {
    List<Frame> binary = flood(SeqOutput.pacedSeq(LINES), 0, Map.of());

    assertThat(binary).hasSizeGreaterThan(20);
    // Paced output, so the client keeps up even on a busy machine.
    assertThat(binary.stream().filter(Frame::rsv1).count())
        .as("compressed of %d output frames", binary.size())
        .isLessThanOrEqualTo(binary.size() / 10);
  }

  @Test
  void execOutputIsCompressedOnceASlowLinkBacksTheClientUp() throws Exception {
    // The mock cluster's exec produces not much faster than 1 MB/s on a busy machine: a slower link
    // and a smaller window make sure the window fills; from then on output goes compressed.
    List<Frame> binary =
        flood("seq 1 " + LINES, 500_000, Map.of("KUBETTY_WINDOW_BYTES", String.valueOf(256 << 10)));

    WebSocketFrameLog.assertCompressedFromFirst(binary);
  }

  /**
   * Runs {@code command} (which prints {@code seq 1 LINES}) in an exec through a link of {@code
   * bytesPerSecond} (0: no limit), the relay configured by {@code env} as well.
   */
  private List<Frame> flood(String command, long bytesPerSecond, Map<String, String> env)
      throws Exception {
    WebSocketFrameLog frames = new WebSocketFrameLog();
    StreamRecorder recorder = new StreamRecorder();
    Map<String, String> relayEnv = new HashMap<>(env);
    relayEnv.put("KUBETTY_EXEC_ALLOW", "team-a/*");
    try (RelayServer relay =
            RelayFixture.startWithExec(relayEnv, ClusterAccess.using(serviceAccount));
        ChaosProxy link = new ChaosProxy(relay.webSocketUri())) {
      link.tapDownstream(frames);
      String ticket = ticket(relay);
      try (RelayClient client =
          RelayClient.builder(link.webSocketUri("/exec?ticket=" + ticket))
              .listener(recorder)
              .build()) {
        client.connect();
        link.limitDownstream(bytesPerSecond);
        client.send((command + "; echo END-$((6*7))\r").getBytes(StandardCharsets.UTF_8));
        recorder.awaitText("END-42", Duration.ofSeconds(60));
      }
    }
    byte[] flood = SeqOutput.cut(recorder.bytes(), "END-42");
    assertThat(SeqOutput.sha256(flood)).isEqualTo(SeqOutput.sha256(SeqOutput.expected(LINES)));
    assertThat(recorder.gaps()).isEmpty();
    return frames.binaryMessages();
  }

  private static String ticket(RelayServer relay) throws Exception {
    Map<String, Object> target = Map.of("namespace", "team-a", "pod", "web-0");
    ExecHttp.Answer answer = ExecHttp.post(relay.httpUri(), "/api/exec/tickets", target);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    return answer.body().get("ticket").asText();
  }
}
