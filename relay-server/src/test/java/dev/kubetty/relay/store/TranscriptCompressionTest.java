package dev.kubetty.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migration V3 stores transcript chunks lz4-compressed where PostgreSQL has lz4 (as CloudNativePG's
 * images do) and leaves them pglz-compressed, without failing, where it does not (the embedded
 * server).
 */
class TranscriptCompressionTest {
  @RegisterExtension static final DatabaseExtension embedded = new DatabaseExtension();

  @Test
  void chunksAreLz4CompressedWherePostgresHasLz4() throws Exception {
    try (SystemPostgres server = SystemPostgres.start();
        Database database = Database.connect(server.jdbcUrl(), server.user(), null, null)) {
      assertThat(storedCompression(database)).isEqualTo("lz4");
    }
  }

  @Test
  void theEmbeddedServerWithoutLz4KeepsPglz() {
    assertThat(storedCompression(embedded.database())).isEqualTo("pglz");
  }

  /** Stores one compressible 64 KiB chunk and returns how PostgreSQL compressed it. */
  private static String storedCompression(Database database) {
    byte[] data = new byte[64 << 10];
    Arrays.fill(data, (byte) 'x');
    String session = "compression-" + System.nanoTime();
    return database
        .jdbi()
        .withHandle(
            handle -> {
              handle
                  .attach(TranscriptDao.class)
                  .insertChunks(
                      List.of(
                          new ChunkRow(
                              session, ChunkRow.Direction.OUTPUT, 0, Instant.now(), data)));
              return handle
                  .createQuery(
                      "SELECT pg_column_compression(data) FROM transcript_chunks"
                          + " WHERE session_id = :s")
                  .bind("s", session)
                  .mapTo(String.class)
                  .one();
            });
  }
}
