package dev.kubetty.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputCursorTest {

  @Test
  void unknownUntilFirstReadyThenAdvancesWithDelivery() {
    OutputCursor cursor = new OutputCursor(null);
    assertThat(cursor.resumeFrom()).isNull();
    assertThat(cursor.onReady(10, 10)).isEqualTo(OutputCursor.ReadyKind.CONTIGUOUS);
    deliver(cursor, "abc");
    assertThat(cursor.expected()).isEqualTo(13);
    assertThat(cursor.received()).isEqualTo(13);
  }

  @Test
  void reportsGapWhenReadyIsAhead() {
    OutputCursor cursor = new OutputCursor(5L);
    assertThat(cursor.onReady(9, 20)).isEqualTo(OutputCursor.ReadyKind.GAP);
    assertThat(cursor.expected()).isEqualTo(9);
  }

  @Test
  void dropsRepeatedBytesWhenReadyIsBehind() {
    OutputCursor cursor = new OutputCursor(10L);
    assertThat(cursor.onReady(6, 12)).isEqualTo(OutputCursor.ReadyKind.CONTIGUOUS);
    assertThat(cursor.replaying()).isTrue();
    assertThat(cursor.accept(bytes("ab"))).isNull(); // 6..7
    OutputCursor.Slice slice = cursor.accept(bytes("cdefg")); // 8..12, 10.. are new
    assertThat(slice.offset()).isEqualTo(10);
    assertThat(new String(slice.data(), StandardCharsets.US_ASCII)).isEqualTo("efg");
    assertThat(cursor.replaying()).isFalse();
    assertThat(cursor.expected()).isEqualTo(13);
  }

  @Test
  void rewindsWhenTheRelayStreamEndsBeforeTheExpectedOffset() {
    OutputCursor cursor = new OutputCursor(100L);
    assertThat(cursor.onReady(80, 80)).isEqualTo(OutputCursor.ReadyKind.REWIND);
    assertThat(cursor.replaying()).isFalse();
    OutputCursor.Slice slice = cursor.accept(bytes("new"));
    assertThat(slice.offset()).isEqualTo(80);
    assertThat(cursor.expected()).isEqualTo(83);
  }

  @Test
  void latestStartsAtTheRelayHead() {
    OutputCursor cursor = new OutputCursor(RelayClient.LATEST);
    assertThat(cursor.onReady(500, 500)).isEqualTo(OutputCursor.ReadyKind.REWIND);
    assertThat(cursor.expected()).isEqualTo(500);
  }

  private static void deliver(OutputCursor cursor, String text) {
    assertThat(cursor.accept(bytes(text))).isNotNull();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
