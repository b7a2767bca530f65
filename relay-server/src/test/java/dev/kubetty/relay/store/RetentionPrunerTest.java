package dev.kubetty.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retention deletes what is older than the cut-off and keeps the rest (real PostgreSQL). */
class RetentionPrunerTest {
  @RegisterExtension static final DatabaseExtension db = new DatabaseExtension();

  @Test
  void prunesRowsOlderThanTheRetention() {
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    Instant old = now.minus(Duration.ofDays(40));
    Instant recent = now.minus(Duration.ofDays(2));
    db.database()
        .jdbi()
        .useExtension(
            TranscriptDao.class,
            dao -> {
              dao.insertChunks(
                  List.of(chunk(0, old, "old bytes"), chunk(9, recent, "recent bytes")));
              dao.insertEvents(
                  List.of(
                      new EventRow("ret", 1, EventRow.Kind.RESIZE, 0, old, 80, 24),
                      new EventRow("ret", 2, EventRow.Kind.EXIT, 9, recent, 0, 0)));
            });

    RetentionPruner pruner =
        RetentionPruner.manual(
            db.database().jdbi(), Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));
    assertThat(pruner.prune()).isEqualTo(2);
    assertThat(pruner.prune()).isZero();

    TranscriptReader reader = new TranscriptReader(db.database().jdbi());
    assertThat(reader.outputEnd("ret")).hasValue(9 + "recent bytes".length());
    List<EventRow> events =
        db.database().jdbi().withExtension(TranscriptDao.class, dao -> dao.events("ret"));
    assertThat(events).extracting(EventRow::eventId).containsExactly(2L);
  }

  private static ChunkRow chunk(long offset, Instant at, String text) {
    return new ChunkRow("ret", ChunkRow.Direction.OUTPUT, offset, at, text.getBytes());
  }
}
