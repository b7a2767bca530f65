package dev.kubetty.relay.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.store.ChunkRow;
import dev.kubetty.relay.store.DatabaseExtension;
import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.StoredBytes;
import dev.kubetty.relay.store.TranscriptDao;
import dev.kubetty.relay.store.TranscriptReader;
import dev.kubetty.relay.store.TranscriptRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The writer against a real PostgreSQL; each test uses its own session id. */
class TranscriptWriterTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @RegisterExtension static final DatabaseExtension db = new DatabaseExtension();

  private static List<EventRow> events(String sessionId) {
    return db.database().jdbi().withExtension(TranscriptDao.class, d -> d.events(sessionId));
  }

  private static TranscriptWriter writer(String sessionId) throws java.io.IOException {
    return TranscriptWriter.start(
        db.database().jdbi(),
        sessionId,
        db.directory().resolve("spool"),
        TranscriptWriter.Limits.defaults());
  }

  @Test
  void twentyMegabytesAreStoredCompleteAndInOrder() throws Exception {
    var flood = new TranscriptCheck.Flood(20);
    try (TranscriptWriter writer = writer("flood")) {
      flood.record(writer, 20 << 20);
      assertThat(writer.awaitStored(WAIT)).isTrue();
      assertThat(writer.health()).isInstanceOf(WriterHealth.Ok.class);
    }
    TranscriptCheck.assertStoredExactly(db.database(), "flood", 20 << 20, flood.sha256Hex());
  }

  @Test
  void recordingTheSameBytesTwiceStoresThemOnce() throws Exception {
    byte[] a = "hello ".getBytes(StandardCharsets.UTF_8);
    byte[] ab = "hello world".getBytes(StandardCharsets.UTF_8);
    try (TranscriptWriter writer = writer("twice")) {
      writer.recordOutput(0, a);
      assertThat(writer.awaitStored(WAIT)).isTrue();
      writer.recordOutput(0, a);
      writer.recordOutput(0, ab); // overlaps: only "world" is new
      writer.recordOutput(6, "world".getBytes(StandardCharsets.UTF_8));
      assertThat(writer.awaitStored(WAIT)).isTrue();
    }
    StoredBytes tail = new TranscriptReader(db.database().jdbi()).outputTail("twice", 100);
    assertThat(new String(tail.data(), StandardCharsets.UTF_8)).isEqualTo("hello world");
  }

  @Test
  void insertingTheSameRowsTwiceStoresThemOnce() {
    Instant now = Instant.now();
    List<ChunkRow> rows =
        List.of(
            new ChunkRow("dao-twice", ChunkRow.Direction.OUTPUT, 0, now, new byte[] {1, 2}),
            new ChunkRow("dao-twice", ChunkRow.Direction.INPUT, 0, now, new byte[] {3}));
    List<EventRow> events =
        List.of(new EventRow("dao-twice", 7, EventRow.Kind.RESIZE, 2, now, 80, 24));
    for (int i = 0; i < 2; i++) {
      db.database()
          .jdbi()
          .useExtension(
              TranscriptDao.class,
              dao -> {
                dao.insertChunks(rows);
                dao.insertEvents(events);
              });
    }
    int chunks =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM transcript_chunks WHERE session_id = 'dao-twice'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(chunks).isEqualTo(2);
    assertThat(events("dao-twice")).hasSize(1);
  }

  @Test
  void inputResizeAndExitAreStoredInOrder() throws Exception {
    try (TranscriptWriter writer = writer("events")) {
      writer.recordOutput(0, "$ ".getBytes(StandardCharsets.UTF_8));
      writer.recordInput(0, "ls\r".getBytes(StandardCharsets.UTF_8));
      writer.recordResize(2, 120, 40);
      writer.recordResize(2, 100, 30);
      writer.recordExit(2, 130);
      assertThat(writer.awaitStored(WAIT)).isTrue();
    }
    var reader = new TranscriptReader(db.database().jdbi());
    assertThat(reader.inputEnd("events")).hasValue(3);
    List<EventRow> events = events("events");
    assertThat(events)
        .extracting(EventRow::kind)
        .containsExactly(EventRow.Kind.RESIZE, EventRow.Kind.RESIZE, EventRow.Kind.EXIT);
    assertThat(events.get(1).a()).isEqualTo(100);
    assertThat(events.get(2).a()).isEqualTo(130);
  }

  @Test
  void restartContinuesFromTheLastStoredOffsetWithItsTail() throws Exception {
    var flood = new TranscriptCheck.Flood(7);
    try (TranscriptWriter writer = writer("restart")) {
      flood.record(writer, 300_000);
      assertThat(writer.awaitStored(WAIT)).isTrue();
    }
    var reader = new TranscriptReader(db.database().jdbi());
    assertThat(reader.outputEnd("restart")).hasValue(300_000);
    assertThat(reader.outputEnd("nobody")).isEmpty();

    StoredBytes tail = reader.outputTail("restart", 100_000);
    assertThat(tail.streamOffset()).isEqualTo(200_000);
    assertThat(tail.data()).hasSize(100_000);
    // Continue after a "restart" from the stored offset: the whole stream stays exact.
    try (TranscriptWriter writer = writer("restart")) {
      writer.continueAfter(reader.outputEnd("restart").getAsLong(), 0);
      writer.recordOutput(
          tail.streamOffset(), tail.data()); // pre-filling the ring: not stored twice
      assertThat(flood.offset).isEqualTo(reader.outputEnd("restart").getAsLong());
      flood.record(writer, 50_000);
      assertThat(writer.awaitStored(WAIT)).isTrue();
    }
    TranscriptCheck.assertStoredExactly(db.database(), "restart", 350_000, flood.sha256Hex());
  }

  @Test
  void aSpoolLeftByACrashIsReplayedAtStart() throws Exception {
    Path spoolDirectory = db.directory().resolve("crash");
    Instant now = Instant.now();
    try (Spool spool = new Spool(spoolDirectory.resolve("transcript-crashed.spool"))) {
      List<TranscriptRow> rows =
          List.of(
              new ChunkRow(
                  "crashed",
                  ChunkRow.Direction.OUTPUT,
                  0,
                  now,
                  "abc".getBytes(StandardCharsets.UTF_8)),
              new ChunkRow(
                  "crashed",
                  ChunkRow.Direction.OUTPUT,
                  3,
                  now,
                  "def".getBytes(StandardCharsets.UTF_8)),
              new EventRow("crashed", 1, EventRow.Kind.EXIT, 6, now, 0, 0));
      spool.append(rows);
    }
    // A torn record at the end, as a crash mid-append leaves it: cut off, not fatal.
    Files.write(
        spoolDirectory.resolve("transcript-crashed.spool"),
        new byte[] {0, 0, 0, 99, 1, 2},
        java.nio.file.StandardOpenOption.APPEND);

    try (TranscriptWriter writer =
        TranscriptWriter.start(
            db.database().jdbi(), "crashed", spoolDirectory, TranscriptWriter.Limits.defaults())) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      // Healthy again only once the replay committed and deleted the spool.
      while (!(writer.health() instanceof WriterHealth.Ok) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(spoolDirectory.resolve("transcript-crashed.spool")).doesNotExist();
      assertThat(writer.health()).isInstanceOf(WriterHealth.Ok.class);
    }
    StoredBytes tail = new TranscriptReader(db.database().jdbi()).outputTail("crashed", 10);
    assertThat(new String(tail.data(), StandardCharsets.UTF_8)).isEqualTo("abcdef");
    assertThat(events("crashed")).hasSize(1);
  }
}
