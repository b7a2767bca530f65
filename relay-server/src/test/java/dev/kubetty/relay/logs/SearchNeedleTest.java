package dev.kubetty.relay.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SearchNeedleTest {
  @Test
  void matchesBytesExactlyAndOnlyAsciiLettersCaseInsensitively() {
    assertThat(SearchNeedle.of("LS -la").endsIn(bytes(""), bytes("$ ls -LA\r\n"))).isTrue();
    assertThat(SearchNeedle.of("a\\b").endsIn(bytes(""), bytes("xa\\by"))).isTrue();
    assertThat(SearchNeedle.of("É").endsIn(bytes(""), bytes("é"))).isFalse();
    assertThat(SearchNeedle.of("é").endsIn(bytes(""), bytes("café"))).isTrue();
    assertThat(SearchNeedle.of("x\0").endsIn(bytes(""), new byte[] {'x', 0})).isTrue();
    assertThat(SearchNeedle.of("50%_").endsIn(bytes(""), bytes("500_"))).isFalse();
  }

  @Test
  void aMatchMayBeginInTheBytesBefore() {
    SearchNeedle needle = SearchNeedle.of("hello");
    assertThat(needle.endsIn(bytes("hel"), bytes("lo world"))).isTrue();
    assertThat(needle.endsIn(bytes("hel"), bytes("p"))).isFalse();
    assertThat(needle.endsIn(bytes("hell"), bytes(""))).isFalse();
  }

  @Test
  void invalidUtf8InTheDataIsMatchedAroundNotDecoded() {
    byte[] data = {(byte) 0xff, 'o', 'k', (byte) 0xc3};
    assertThat(SearchNeedle.of("ok").endsIn(bytes(""), data)).isTrue();
  }

  @Test
  void overlapIsTheUtf8LengthLessOne() {
    assertThat(SearchNeedle.of("€").overlap()).isEqualTo(2);
    assertThat(SearchNeedle.of("").overlap()).isZero();
    assertThat(SearchNeedle.of("").isEmpty()).isTrue();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
