package dev.kubetty.relay.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EscapeScannerTest {
  private final EscapeScanner scanner = EscapeScanner.of('~');

  @Test
  void tildeDotAtStartDetaches() {
    EscapeScanner.Result result = scan("~.");
    assertThat(result.detach()).isTrue();
    assertThat(result.forward()).isEmpty();
  }

  @Test
  void tildeDotAfterCarriageReturnDetachesAndForwardsWhatCameBefore() {
    EscapeScanner.Result result = scan("ls\r~.rest");
    assertThat(result.detach()).isTrue();
    assertThat(text(result)).isEqualTo("ls\r");
  }

  @Test
  void tildeDotAfterLineFeedDetaches() {
    assertThat(scan("ls\n~.").detach()).isTrue();
  }

  @Test
  void tildeDotInsideALineIsPlainInput() {
    EscapeScanner.Result result = scan("echo a~.b");
    assertThat(result.detach()).isFalse();
    assertThat(text(result)).isEqualTo("echo a~.b");
  }

  @Test
  void doubleTildeSendsOneAndEndsTheEscapePosition() {
    EscapeScanner.Result result = scan("\r~~.");
    assertThat(result.detach()).isFalse();
    assertThat(text(result)).isEqualTo("\r~.");
  }

  @Test
  void tildeQuestionMarkAsksForHelpAndKeepsTheLineStart() {
    EscapeScanner.Result help = scan("~?");
    assertThat(help.help()).isTrue();
    assertThat(help.forward()).isEmpty();
    assertThat(scan("~.").detach()).isTrue();
  }

  @Test
  void tildeBeforeAnyOtherByteForwardsBoth() {
    EscapeScanner.Result result = scan("~x~");
    assertThat(text(result)).isEqualTo("~x~");
    assertThat(result.detach()).isFalse();
  }

  @Test
  void tildeBeforeEnterKeepsTheLineStart() {
    assertThat(text(scan("~\r"))).isEqualTo("~\r");
    assertThat(scan("~.").detach()).isTrue();
  }

  @Test
  void sequenceSplitAcrossReadsStillDetaches() {
    assertThat(text(scan("pwd\r"))).isEqualTo("pwd\r");
    EscapeScanner.Result held = scan("~");
    assertThat(held.forward()).isEmpty();
    assertThat(held.detach()).isFalse();
    assertThat(scan(".").detach()).isTrue();
  }

  @Test
  void heldTildeFollowedByOtherInputInTheNextReadIsForwarded() {
    scan("~");
    assertThat(text(scan("ab"))).isEqualTo("~ab");
  }

  @Test
  void otherEscapeCharacter() {
    EscapeScanner hash = EscapeScanner.of('#');
    assertThat(hash.scan(bytes("~."), 2).detach()).isFalse();
    assertThat(hash.scan(bytes("\r#."), 3).detach()).isTrue();
  }

  @Test
  void disabledForwardsEverything() {
    EscapeScanner disabled = EscapeScanner.disabled();
    EscapeScanner.Result result = disabled.scan(bytes("~.~~"), 4);
    assertThat(result.detach()).isFalse();
    assertThat(new String(result.forward(), StandardCharsets.US_ASCII)).isEqualTo("~.~~");
  }

  @Test
  void scansOnlyTheGivenLength() {
    EscapeScanner.Result result = scanner.scan(bytes("ab~."), 2);
    assertThat(text(result)).isEqualTo("ab");
  }

  @Test
  void helpNamesTheSequences() {
    assertThat(scanner.help("\r\n")).contains("~.", "~~", "~?").endsWith("\r\n");
  }

  private EscapeScanner.Result scan(String input) {
    byte[] data = bytes(input);
    return scanner.scan(data, data.length);
  }

  private static String text(EscapeScanner.Result result) {
    return new String(result.forward(), StandardCharsets.US_ASCII);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
