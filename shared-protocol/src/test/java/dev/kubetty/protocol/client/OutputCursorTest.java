package dev.kubetty.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputCursorTest {

  @Test
  void unknownUntilFirstReadyThenAdvancesWithDelivery() {
    OutputCursor cursor = new OutputCursor(null);
    assertThat(cursor.resumeFrom()).isNull();
    assertThat(cursor.onReady(10)).isNull();
    deliver(cursor, "abc");
    assertThat(cursor.expected()).isEqualTo(13);
    assertThat(cursor.received()).isEqualTo(13);
  }

  @Test
  void reportsGapWhenReadyIsAhead() {
    OutputCursor cursor = new OutputCursor(5L);
    assertThat(cursor.onReady(9)).isEqualTo(new OutputCursor.Gap(5, 9));
    assertThat(cursor.expected()).isEqualTo(9);
  }

  @Test
  void dropsRepeatedBytesWhenReadyIsBehind() {
    OutputCursor cursor = new OutputCursor(10L);
    assertThat(cursor.onReady(6)).isNull();
    assertThat(cursor.replaying()).isTrue();
    assertThat(cursor.accept(bytes("ab"))).isNull(); // 6..7
    OutputCursor.Slice slice = cursor.accept(bytes("cdefg")); // 8..12, 10.. are new
    assertThat(slice.offset()).isEqualTo(10);
    assertThat(new String(slice.data(), StandardCharsets.US_ASCII)).isEqualTo("efg");
    assertThat(cursor.replaying()).isFalse();
    assertThat(cursor.expected()).isEqualTo(13);
  }

  private static void deliver(OutputCursor cursor, String text) {
    assertThat(cursor.accept(bytes(text))).isNotNull();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
