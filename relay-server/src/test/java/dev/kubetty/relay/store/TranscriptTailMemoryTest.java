package dev.kubetty.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A relay restarting on a long session reads back only the tail it keeps: with 160 MB stored, the 8
 * MiB tail is read in a JVM whose heap (48 MiB) could not hold the whole transcript. Before the
 * read went through a cursor, the driver loaded every row and the relay died of OutOfMemoryError.
 */
@Tag("slow")
class TranscriptTailMemoryTest {
  @RegisterExtension static final DatabaseExtension db = new DatabaseExtension();

  private static final int ROW = 64 << 10;
  private static final int ROWS = 2_500;
  private static final int TAIL = 8 << 20;

  @Test
  void aLongTranscriptsTailIsReadWithoutLoadingTheRest() throws Exception {
    storeRows("long-session");
    long end = (long) ROWS * ROW;

    Process probe =
        new ProcessBuilder(
                ChildJvm.command(
                    List.of("-Xmx48m", "-XX:+UseSerialGC"),
                    TailProbe.class.getName(),
                    db.jdbcUrl(),
                    "postgres",
                    "long-session",
                    Integer.toString(TAIL)))
            .redirectErrorStream(true)
            .start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(probe.exitValue()).as(output).isZero();
    assertThat(output).contains("tail " + TAIL + " from " + (end - TAIL));
  }

  private static void storeRows(String session) {
    byte[] data = new byte[ROW];
    Arrays.fill(data, (byte) 'x');
    Instant now = Instant.now();
    db.database()
        .jdbi()
        .useExtension(
            TranscriptDao.class,
            dao -> {
              List<ChunkRow> batch = new ArrayList<>();
              for (int i = 0; i < ROWS; i++) {
                batch.add(
                    new ChunkRow(session, ChunkRow.Direction.OUTPUT, (long) i * ROW, now, data));
                if (batch.size() == 100) {
                  dao.insertChunks(batch);
                  batch.clear();
                }
              }
            });
  }
}
