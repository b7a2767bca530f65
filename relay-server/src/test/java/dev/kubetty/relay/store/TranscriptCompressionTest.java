package dev.kubetty.relay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relay compresses transcript chunks itself (LZ4, migration V4), on the embedded server and on
 * a distribution's PostgreSQL alike; PostgreSQL compresses nothing more; every form reads back as
 * the bytes that were recorded.
 */
class TranscriptCompressionTest {
  @RegisterExtension static final DatabaseExtension embedded = new DatabaseExtension();

  @Test
  void compressibleChunksAreStoredAsLz4BlocksAndReadBackExactly() {
    checkForms(embedded.database());
  }

  @Test
  void theSameOnADistributionsPostgres() throws Exception {
    try (SystemPostgres server = SystemPostgres.start();
        Database database = Database.connect(server.jdbcUrl(), server.user(), null, null)) {
      checkForms(database);
    }
  }

  @Test
  void rowsStoredBeforeV4ReadBackAsTheyAre() {
    byte[] data = "hello from before\r\n".repeat(500).getBytes();
    String session = insertRow("pre-v4-", data, null);
    TranscriptReader reader = new TranscriptReader(embedded.database().jdbi());

    assertThat(reader.outputEnd(session)).hasValue(data.length);
    assertThat(reader.outputTail(session, 1 << 20).data()).isEqualTo(data);
  }

  @Test
  void aCorruptBlockIsAClearErrorNotWrongBytes() {
    assertCorrupt(1000, "stored transcript chunk is corrupt");
  }

  @Test
  void anAbsurdRawLengthIsAClearErrorNotAnOutOfMemory() {
    assertCorrupt(2_000_000_000, "raw_length 2000000000 is out of range");
  }

  /** Stores one output row at offset 0 of a new session, bypassing the writer; returns its id. */
  private static String insertRow(String prefix, byte[] data, Integer rawLength) {
    String session = prefix + System.nanoTime();
    embedded
        .database()
        .jdbi()
        .useHandle(
            handle ->
                handle.execute(
                    "INSERT INTO transcript_chunks (session_id, direction, stream_offset,"
                        + " recorded_at, data, raw_length) VALUES (?, 'o', 0, now(), ?, ?)",
                    session,
                    data,
                    rawLength));
    return session;
  }

  private static void assertCorrupt(int rawLength, String message) {
    String session = insertRow("corrupt-", new byte[] {1, 2, 3, 4, 5}, rawLength);

    assertThatThrownBy(
            () -> new TranscriptReader(embedded.database().jdbi()).outputTail(session, 1 << 20))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(message);
  }

  /**
   * Stores a compressible 64 KiB chunk, an incompressible one and a keystroke, then checks how each
   * was stored and that the reader gets every byte back.
   */
  private static void checkForms(Database database) {
    byte[] flood = new byte[64 << 10];
    Arrays.fill(flood, (byte) 'x');
    byte[] noise = new byte[64 << 10];
    new Random(7).nextBytes(noise);
    byte[] key = {'l'};
    String session = "forms-" + System.nanoTime();
    Instant now = Instant.now();
    List<ChunkRow> rows =
        List.of(
            new ChunkRow(session, ChunkRow.Direction.OUTPUT, 0, now, flood),
            new ChunkRow(session, ChunkRow.Direction.OUTPUT, flood.length, now, noise),
            new ChunkRow(session, ChunkRow.Direction.INPUT, 0, now, key));
    database.jdbi().useHandle(handle -> handle.attach(TranscriptDao.class).insertChunks(rows));

    List<Map<String, Object>> stored =
        database
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT raw_length, octet_length(data) AS stored,"
                                + " pg_column_compression(data) AS pg FROM transcript_chunks"
                                + " WHERE session_id = :s ORDER BY direction DESC, stream_offset")
                        .bind("s", session)
                        .mapToMap()
                        .list());
    assertThat(stored.get(0).get("raw_length")).isEqualTo(flood.length);
    assertThat((Integer) stored.get(0).get("stored")).isLessThan(1024);
    assertThat(stored.get(1).get("raw_length")).isNull();
    assertThat(stored.get(1).get("stored")).isEqualTo(noise.length);
    assertThat(stored.get(2).get("raw_length")).isNull();
    assertThat(stored).allSatisfy(row -> assertThat(row.get("pg")).isNull());

    TranscriptReader reader = new TranscriptReader(database.jdbi());
    assertThat(reader.outputEnd(session)).hasValue(2L * (64 << 10));
    assertThat(reader.inputEnd(session)).hasValue(1);
    byte[] both = new byte[2 * (64 << 10)];
    System.arraycopy(flood, 0, both, 0, flood.length);
    System.arraycopy(noise, 0, both, flood.length, noise.length);
    assertThat(reader.outputTail(session, 1 << 20).data()).isEqualTo(both);
  }
}
