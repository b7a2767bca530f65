package dev.kubetty.relay.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.store.ChunkRow;
import dev.kubetty.relay.store.Database;
import dev.kubetty.relay.store.StoredBytes;
import dev.kubetty.relay.store.TranscriptDao;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Test-side helpers: a seeded byte flood and a check that the stored stream is exact. */
final class TranscriptCheck {
  private TranscriptCheck() {}

  /** A deterministic flood recorded in random chunk sizes; keeps the SHA-256 of what it sent. */
  static final class Flood {
    private final Random random;
    private final MessageDigest sha = sha256();
    long offset;

    Flood(long seed) {
      this.random = new Random(seed);
    }

    /** Records {@code total} bytes in chunks of 1 byte to 16 KiB; returns the longest call (ns). */
    long record(TranscriptWriter writer, long total) {
      long end = offset + total;
      long slowest = 0;
      while (offset < end) {
        byte[] chunk = new byte[(int) Math.min(end - offset, 1 + random.nextInt(16 << 10))];
        random.nextBytes(chunk);
        sha.update(chunk);
        long t0 = System.nanoTime();
        writer.recordOutput(offset, chunk);
        slowest = Math.max(slowest, System.nanoTime() - t0);
        offset += chunk.length;
      }
      return slowest;
    }

    String sha256Hex() {
      return HexFormat.of().formatHex(sha.digest());
    }
  }

  /**
   * Asserts the stored output is contiguous from 0 (no gap, no overlap) and hashes to {@code sha}.
   */
  static void assertStoredExactly(Database db, String sessionId, long total, String sha) {
    MessageDigest digest = sha256();
    long next = 0;
    int page = 512;
    while (true) {
      long from = next;
      List<StoredBytes> rows =
          db.jdbi()
              .withExtension(
                  TranscriptDao.class,
                  dao -> dao.chunksFrom(sessionId, ChunkRow.Direction.OUTPUT.code(), from, page));
      for (StoredBytes row : rows) {
        assertThat(row.streamOffset()).as("row start").isEqualTo(next);
        digest.update(row.data());
        next = row.end();
      }
      if (rows.size() < page) {
        break;
      }
    }
    assertThat(next).as("stored bytes").isEqualTo(total);
    assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sha);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
