package dev.kubetty.relay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Option handling that ends before the terminal is touched. */
class AttachCommandTest {

  @Test
  void badUrlIsAUsageError() {
    assertThat(KubettyRelay.commandLine().execute("attach", "ftp://127.0.0.1:1/ws")).isEqualTo(2);
  }

  @Test
  void missingUrlIsAUsageError() {
    assertThat(KubettyRelay.commandLine().execute("attach")).isEqualTo(2);
  }

  @Test
  void badEscapeCharIsAUsageError() {
    assertThat(KubettyRelay.commandLine().execute("attach", "--escape-char", "ab", "127.0.0.1:1"))
        .isEqualTo(2);
  }

  @Test
  void escapeCharNoneDisablesDetach() {
    byte[] input = "~.".getBytes(StandardCharsets.US_ASCII);
    assertThat(AttachCommand.escapeScanner("none").scan(input, 2).detach()).isFalse();
    assertThat(AttachCommand.escapeScanner("~").scan(input, 2).detach()).isTrue();
    assertThat(AttachCommand.escapeScanner("%").scan(input, 2).detach()).isFalse();
  }

  @Test
  void escapeCharMustBeOneAsciiCharacter() {
    assertThatThrownBy(() -> AttachCommand.escapeScanner("é"))
        .hasMessage("--escape-char must be one ASCII character or 'none', got 'é'");
  }
}
