package dev.kubetty.relay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkerScannerTest {
  @Test
  void findsAMarkerInOneChunk() {
    byte[] data = bytes("xxKTE1yy");
    assertThat(new MarkerScanner("KTE1").find(data, 0, data.length)).isEqualTo(6);
  }

  @Test
  void findsAMarkerSpanningChunks() {
    MarkerScanner scanner = new MarkerScanner("KTE1");
    byte[] first = bytes("xxxKT");
    byte[] second = bytes("E1yy");
    assertThat(scanner.find(first, 0, first.length)).isEqualTo(-1);
    assertThat(scanner.find(second, 0, second.length)).isEqualTo(2);
  }

  @Test
  void recoversFromAPartialMatch() {
    byte[] data = bytes("aabaabaaab");
    assertThat(new MarkerScanner("aaab").find(data, 0, data.length)).isEqualTo(10);
  }

  @Test
  void respectsTheRange() {
    byte[] data = bytes("KTE1KTE1");
    assertThat(new MarkerScanner("KTE1").find(data, 1, 7)).isEqualTo(-1);
  }

  @Test
  void doesNotMatchTheQuotedCommandLine() {
    OutputScript script = OutputScript.of(10);
    byte[] echoed = bytes(script.command());
    assertThat(new MarkerScanner(script.beginMarker()).find(echoed, 0, echoed.length))
        .isEqualTo(-1);
    assertThat(new MarkerScanner(script.endMarker()).find(echoed, 0, echoed.length)).isEqualTo(-1);
  }

  @Test
  void skipsLongRunsOfTheFillerAndStillFindsTheMarker() {
    MarkerScanner scanner = new MarkerScanner("KTE1", (byte) 'x');
    String run = "x".repeat(20_000);
    byte[] first = bytes(run + "K!x" + run + "KT");
    byte[] second = bytes("E1" + run);
    assertThat(scanner.find(first, 0, first.length)).isEqualTo(-1);
    assertThat(scanner.find(second, 0, second.length)).isEqualTo(2);
  }

  @Test
  void aFillerThatStartsTheMarkerIsNotSkipped() {
    byte[] data = bytes("xxxxxxxxxxxyz");
    assertThat(new MarkerScanner("xyz", (byte) 'x').find(data, 0, data.length))
        .isEqualTo(data.length);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
