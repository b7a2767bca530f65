package dev.kubetty.relay.logs;

import dev.kubetty.relay.store.ChunkRow.Direction;
import dev.kubetty.relay.store.TranscriptChunk;
import dev.kubetty.relay.store.TranscriptDao;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Text search over one stream of a session's transcript. Stored chunks may be compressed by the
 * relay, so the database cannot search them: rows are read oldest first through a cursor (never the
 * whole stream in memory), decompressed and matched here until a page is full.
 */
final class ChunkSearch {
  private ChunkSearch() {}

  /**
   * Chunks of {@code direction} from {@code from} on, recorded in {@code range}, in which {@code
   * needle} ends (a match may begin in the bytes just before a chunk), oldest first, at most {@code
   * limit}.
   */
  static List<TranscriptChunk> page(
      Jdbi jdbi,
      String sessionId,
      Direction direction,
      long from,
      TimeRange range,
      SearchNeedle needle,
      int limit) {
    Instant since = range.since().toInstant();
    Instant until = range.until().toInstant();
    return jdbi.inTransaction(
        handle -> {
          List<TranscriptChunk> found = new ArrayList<>();
          try (Stream<TranscriptChunk> rows =
              handle.attach(TranscriptDao.class).chunksAround(sessionId, direction.code(), from)) {
            byte[] before = new byte[0];
            long beforeEnd = -1;
            for (Iterator<TranscriptChunk> it = rows.iterator();
                it.hasNext() && found.size() < limit; ) {
              TranscriptChunk row = it.next();
              if (row.streamOffset() != beforeEnd) {
                before = new byte[0]; // a gap: a match cannot span it
              }
              if (row.streamOffset() >= from
                  && !row.recordedAt().isBefore(since)
                  && row.recordedAt().isBefore(until)
                  && needle.endsIn(before, row.data())) {
                found.add(row);
              }
              before = lastBytes(before, row.data(), needle.overlap());
              beforeEnd = row.end();
            }
          }
          return found;
        });
  }

  /** The last {@code max} bytes of {@code before} followed by {@code data}. */
  private static byte[] lastBytes(byte[] before, byte[] data, int max) {
    if (data.length >= max) {
      return Arrays.copyOfRange(data, data.length - max, data.length);
    }
    int keep = Math.min(before.length, max - data.length);
    byte[] out = Arrays.copyOfRange(before, before.length - keep, before.length + data.length);
    System.arraycopy(data, 0, out, keep, data.length);
    return out;
  }
}
