package dev.kubetty.relay.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.store.ChunkRow;
import dev.kubetty.relay.store.ChunkRow.Direction;
import dev.kubetty.relay.store.DatabaseExtension;
import dev.kubetty.relay.store.TranscriptChunk;
import dev.kubetty.relay.store.TranscriptDao;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Search over rows the relay stored LZ4-compressed, as a long flood leaves them. */
class ChunkSearchTest {
  @RegisterExtension static final DatabaseExtension db = new DatabaseExtension();

  private static final String SESSION = "search";
  private static final int ROW = 8 << 10;
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  /**
   * Rows 0..9 of 8 KiB of build-log lines; "NEEDLE" ends in row 3 (split over rows 2 and 3), lies
   * inside row 6, and is split over rows 8 and 9 across a gap, where it must not be found.
   */
  @BeforeAll
  static void store() {
    List<ChunkRow> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      byte[] data = "[INFO] compiling module...\r\n".repeat(ROW).substring(0, ROW).getBytes();
      if (i == 2 || i == 8) {
        put(data, ROW - 3, "NEE");
      } else if (i == 3 || i == 9) {
        put(data, 0, "DLE");
      } else if (i == 6) {
        put(data, 100, "needle");
      }
      long offset = (long) i * ROW + (i == 9 ? 1 : 0);
      rows.add(new ChunkRow(SESSION, Direction.OUTPUT, offset, T0.plusSeconds(i), data));
    }
    db.database().jdbi().useExtension(TranscriptDao.class, dao -> dao.insertChunks(rows));
  }

  @Test
  void findsMatchesInsideAndAcrossCompressedRowsButNotAcrossAGap() {
    assertThat(offsets(search("needle", 0, range(null, null), 10)))
        .containsExactly(3L * ROW, 6L * ROW);
    int compressed =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM transcript_chunks"
                                + " WHERE session_id = :s AND raw_length IS NOT NULL")
                        .bind("s", SESSION)
                        .mapTo(Integer.class)
                        .one());
    assertThat(compressed).isEqualTo(10);
  }

  @Test
  void pagesByOffsetTimeAndLimit() {
    assertThat(offsets(search("needle", 0, range(null, null), 1))).containsExactly(3L * ROW);
    assertThat(offsets(search("needle", 3L * ROW + 1, range(null, null), 10)))
        .containsExactly(6L * ROW);
    assertThat(offsets(search("needle", 3L * ROW, range(null, null), 10)))
        .containsExactly(3L * ROW, 6L * ROW);
    assertThat(offsets(search("needle", 0, range(4, null), 10))).containsExactly(6L * ROW);
    assertThat(offsets(search("needle", 0, range(null, 6), 10))).containsExactly(3L * ROW);
    assertThat(search("needle", 0, range(7, null), 10)).isEmpty();
  }

  private static List<TranscriptChunk> search(String text, long from, TimeRange range, int limit) {
    return ChunkSearch.page(
        db.database().jdbi(), SESSION, Direction.OUTPUT, from, range, SearchNeedle.of(text), limit);
  }

  private static TimeRange range(Integer sinceSecond, Integer untilSecond) {
    return TimeRange.of(
        Optional.ofNullable(sinceSecond).map(T0::plusSeconds),
        Optional.ofNullable(untilSecond).map(T0::plusSeconds));
  }

  private static List<Long> offsets(List<TranscriptChunk> chunks) {
    return chunks.stream().map(TranscriptChunk::streamOffset).toList();
  }

  private static void put(byte[] data, int at, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, data, at, bytes.length);
  }
}
