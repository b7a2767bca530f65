package dev.kubetty.relay.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8CarryTest {
  @Test
  void aCharacterCutAnywhereDecodesWhole() {
    byte[] bytes = "a€b😀c".getBytes(StandardCharsets.UTF_8);
    for (int cut = 0; cut <= bytes.length; cut++) {
      Utf8Carry carry = new Utf8Carry();
      byte[] head = java.util.Arrays.copyOfRange(bytes, 0, cut);
      byte[] tail = java.util.Arrays.copyOfRange(bytes, cut, bytes.length);
      assertThat(carry.decode(head) + carry.decode(tail) + carry.finish())
          .as("cut at %d", cut)
          .isEqualTo("a€b😀c");
    }
  }

  @Test
  void byteByByteHoldsBackOnlyTheUnfinishedCharacter() {
    Utf8Carry carry = new Utf8Carry();
    assertThat(carry.decode(new byte[] {(byte) 0xE2})).isEmpty();
    assertThat(carry.decode(new byte[] {(byte) 0x82})).isEmpty();
    assertThat(carry.decode(new byte[] {(byte) 0xAC, 'x'})).isEqualTo("€x");
  }

  @Test
  void invalidBytesAndATruncatedEndBecomeReplacementCharacters() {
    Utf8Carry carry = new Utf8Carry();
    assertThat(carry.decode(new byte[] {'a', (byte) 0xFF, 'b'})).isEqualTo("a\uFFFDb");
    assertThat(carry.decode(new byte[] {(byte) 0xE2, (byte) 0x82})).isEmpty();
    assertThat(carry.finish()).isEqualTo("\uFFFD");
    assertThat(carry.decode(new byte[] {'z'})).isEqualTo("z");
  }
}
