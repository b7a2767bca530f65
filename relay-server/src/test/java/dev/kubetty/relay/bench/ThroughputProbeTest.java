package dev.kubetty.relay.bench;

import static dev.kubetty.relay.bench.MarkerScannerTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThroughputProbeTest {
  private final OutputScript script = OutputScript.of(6);
  private final ThroughputProbe probe = new ThroughputProbe(script);

  @Test
  void timesThePayloadBetweenMarkersSplitAcrossChunks() throws InterruptedException {
    String end = script.endMarker();
    feed(0, "prompt$ " + script.beginMarker() + "xx");
    feed(1_000_000_000L, "xxxx" + end.substring(0, 2));
    feed(2_000_000_000L, end.substring(2) + "\r\n$ ");
    // 6 bytes in 2 s, counted from the first chunk holding payload.
    assertThat(probe.awaitMegabytesPerSecond(Duration.ofSeconds(1))).isEqualTo(3e-6);
  }

  @Test
  void rejectsAWrongByteCount() {
    feed(0, script.beginMarker() + "xxxxxxx" + script.endMarker());
    assertThatThrownBy(() -> probe.awaitMegabytesPerSecond(Duration.ofSeconds(1)))
        .isInstanceOf(BenchException.class)
        .hasMessageContaining("counted 7");
  }

  @Test
  void timesOut() {
    feed(0, script.beginMarker() + "xx");
    assertThatThrownBy(() -> probe.awaitMegabytesPerSecond(Duration.ofMillis(10)))
        .isInstanceOf(BenchException.class);
  }

  private void feed(long nanos, String chunk) {
    byte[] data = bytes(chunk + "padding");
    probe.accept(nanos, data, chunk.length());
  }
}
