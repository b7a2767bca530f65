package dev.kubetty.relay.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchNeedleTest {
  @Test
  void encodesLikePostgresEscapeAndLowercasesAsciiOnly() {
    assertThat(SearchNeedle.of("LS -la").escaped()).isEqualTo("ls -la");
    assertThat(SearchNeedle.of("a\\b").escaped()).isEqualTo("a\\\\b");
    assertThat(SearchNeedle.of("É").escaped()).isEqualTo("\\303\\211");
    assertThat(SearchNeedle.of("x\0").escaped()).isEqualTo("x\\000");
    assertThat(SearchNeedle.of("50%_").escaped()).isEqualTo("50%_");
  }

  @Test
  void overlapIsTheUtf8LengthLessOne() {
    assertThat(SearchNeedle.of("€").overlap()).isEqualTo(2);
    assertThat(SearchNeedle.of("").overlap()).isZero();
    assertThat(SearchNeedle.of("").escaped()).isEmpty();
  }
}
