package dev.kubetty.relay.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.client.RelayClient;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.ChaosProxy;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.SeqOutput;
import dev.kubetty.relay.testing.StreamRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shared Java client against the real relay through a network that keeps failing: the consumer
 * must see one gap-free byte stream, nothing lost, nothing repeated.
 */
@Tag("slow")
class LosslessResumeTest {
  private static final int LINES = 6_000_000; // `seq` prints ~53 MB through the PTY (\r\n)
  private static final int DROPS = 20;

  @Test
  void fiftyMegabyteFloodSurvivesTwentyDropsWithoutLossOrDuplicates() throws Exception {
    byte[] expected = SeqOutput.expected(LINES);
    long dropEvery = expected.length / (DROPS + 1);
    AtomicInteger drops = new AtomicInteger();
    ExecutorService chaos = Executors.newSingleThreadExecutor();
    try (RelayServer relay = RelayFixture.start();
        ChaosProxy network = new ChaosProxy(relay.webSocketUri())) {
      StreamRecorder recorder =
          new StreamRecorder(
              total -> {
                if (total > (drops.get() + 1) * dropEvery && drops.get() < DROPS) {
                  drops.incrementAndGet();
                  chaos.execute(network::cutAll);
                }
              });
      RelayClient client = ChaosClient.connectLive(network.webSocketUri(), recorder);
      client.send(("seq 1 " + LINES + "; echo END-$((6*7))\r").getBytes(StandardCharsets.UTF_8));
      recorder.awaitText("END-42", Duration.ofSeconds(120));
      client.close();

      byte[] flood = SeqOutput.cut(recorder.bytes(), "END-42");
      assertThat(drops.get()).isEqualTo(DROPS);
      assertThat(network.accepted()).as("connections").isGreaterThanOrEqualTo(DROPS + 1);
      assertThat(recorder.gaps()).isEmpty();
      assertThat(flood.length).isEqualTo(expected.length);
      assertThat(SeqOutput.sha256(flood)).isEqualTo(SeqOutput.sha256(expected));
    } finally {
      chaos.shutdownNow();
    }
  }

  @Test
  void clientIsToldTheExactGapWhenItsOffsetFellOutOfTheBuffer() throws Exception {
    int buffer = 1 << 20;
    try (RelayServer relay =
        RelayFixture.start(Map.of("KUBETTY_BUFFER_BYTES", String.valueOf(buffer)))) {
      StreamRecorder first = new StreamRecorder();
      RelayClient writer = RelayClient.builder(relay.webSocketUri()).listener(first).build();
      writer.connect();
      writer.send("head -c 3000000 /dev/zero | tr '\\0' x; echo; echo DONE-$((6*7))\r".getBytes());
      first.awaitText("DONE-42", Duration.ofSeconds(30));
      writer.close();
      Thread.sleep(300); // let the prompt arrive so the head is final
      long head = relay.terminal().head();

      StreamRecorder late = new StreamRecorder();
      RelayClient reader =
          RelayClient.builder(relay.webSocketUri()).listener(late).resumeFrom(10L).build();
      reader.connect();
      late.awaitText("DONE-42", Duration.ofSeconds(10));
      reader.close();
      assertThat(late.gaps()).containsExactly(new StreamRecorder.Gap(10, head - buffer));
    }
  }

  @Test
  void latestSkipsTheHistoryAndRaisesNoGap() throws Exception {
    try (RelayServer relay = RelayFixture.start()) {
      StreamRecorder first = new StreamRecorder();
      RelayClient writer = RelayClient.builder(relay.webSocketUri()).listener(first).build();
      writer.connect();
      writer.send("echo OLD-$((6*7))\r".getBytes());
      first.awaitText("OLD-42", Duration.ofSeconds(10));
      writer.close();

      StreamRecorder fresh = new StreamRecorder();
      RelayClient reader =
          RelayClient.builder(relay.webSocketUri())
              .listener(fresh)
              .resumeFrom(RelayClient.LATEST)
              .build();
      reader.connect();
      reader.send("echo NEW-$((6*7))\r".getBytes());
      fresh.awaitText("NEW-42", Duration.ofSeconds(10));
      reader.close();
      assertThat(new String(fresh.bytes(), StandardCharsets.UTF_8)).doesNotContain("OLD-42");
      assertThat(fresh.gaps()).isEmpty();
    }
  }
}
