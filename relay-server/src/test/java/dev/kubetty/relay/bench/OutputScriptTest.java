package dev.kubetty.relay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each payload, run by a real shell on a real PTY, prints exactly what the probe expects. */
class OutputScriptTest {
  private static final int BYTES = 300_000;

  @TempDir Path directory;

  @Test
  void fillPrintsExactlyThatManyOfOneByte() throws Exception {
    String payload = payload(OutputScript.of(BYTES, Payload.FILL));

    assertThat(payload).hasSize(BYTES).matches("x+");
  }

  @Test
  void textPrintsExactlyThatManyDigitsAndSpacesWithoutNewlines() throws Exception {
    String payload = payload(OutputScript.of(BYTES, Payload.TEXT));

    assertThat(payload).hasSize(BYTES).startsWith("1 2 3 4 5 ").matches("[0-9 ]+");
  }

  @Test
  void theProbeTimesEitherPayload() throws Exception {
    for (Payload kind : Payload.values()) {
      OutputScript script = OutputScript.of(BYTES, kind);
      assertThat(LocalThroughput.measure(script, directory, Duration.ofSeconds(30)))
          .as(kind.name())
          .isPositive();
    }
  }

  /** What the script prints between its markers on a local PTY. */
  private String payload(OutputScript script) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LocalThroughput.read(script, directory, (buffer, n) -> out.write(buffer, 0, n));
    String all = out.toString(StandardCharsets.ISO_8859_1);
    int begin = all.indexOf(script.beginMarker()) + script.beginMarker().length();
    return all.substring(begin, all.indexOf(script.endMarker()));
  }
}
