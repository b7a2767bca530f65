package dev.kubetty.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloseCodeTest {

  @ParameterizedTest
  @CsvSource({
    "1000, false",
    "1001, true",
    "1006, true",
    "1011, true",
    "4400, false",
    "4401, false",
    "4403, false",
    "4409, false",
    "4410, false",
    "1002, true",
    "4999, true"
  })
  void reconnectableOnlyForTransientCodes(int code, boolean reconnectable) {
    assertThat(CloseCode.isReconnectable(code)).isEqualTo(reconnectable);
  }

  @ParameterizedTest
  @CsvSource({"1000, NORMAL", "4409, BUSY", "4410, TAKEN_OVER"})
  void looksUpByNumber(int code, CloseCode expected) {
    assertThat(CloseCode.of(code)).contains(expected);
    assertThat(expected.code()).isEqualTo(code);
  }

  @ParameterizedTest
  @CsvSource({"0", "1002", "4000"})
  void unknownCodesAreEmpty(int code) {
    assertThat(CloseCode.of(code)).isEmpty();
  }
}
