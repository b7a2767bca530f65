package dev.kubetty.relay.store;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads a session's stored transcript back for restart continuation: where the output stream ends
 * and its last bytes (to pre-fill the ring buffer). Thread-safe; each call runs its own queries.
 */
public final class TranscriptReader {
  private final Jdbi jdbi;

  /** A reader over {@code jdbi}. */
  public TranscriptReader(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The output offset to continue from: just past the last stored output byte, or empty. */
  public OptionalLong outputEnd(String sessionId) {
    return streamEnd(sessionId, ChunkRow.Direction.OUTPUT);
  }

  /** The input offset to continue from: just past the last stored input byte, or empty. */
  public OptionalLong inputEnd(String sessionId) {
    return streamEnd(sessionId, ChunkRow.Direction.INPUT);
  }

  private OptionalLong streamEnd(String sessionId, ChunkRow.Direction direction) {
    return jdbi.withExtension(
        TranscriptDao.class,
        dao ->
            dao.streamEnd(sessionId, direction.code())
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty()));
  }

  /**
   * The last (at most) {@code maxBytes} stored output bytes that run without a gap up to {@link
   * #outputEnd}; empty at offset 0 when nothing is stored.
   */
  public StoredBytes outputTail(String sessionId, int maxBytes) {
    OptionalLong end = outputEnd(sessionId);
    if (end.isEmpty() || maxBytes <= 0) {
      return new StoredBytes(end.orElse(0), new byte[0]);
    }
    long from = Math.max(0, end.getAsLong() - maxBytes);
    List<StoredBytes> newestFirst = new ArrayList<>();
    // In a transaction the driver reads through a cursor and stops where the tail does; outside
    // one it would load the session's whole transcript (gigabytes after weeks) to keep 8 MiB.
    jdbi.useTransaction(
        handle -> {
          TranscriptDao dao = handle.attach(TranscriptDao.class);
          try (Stream<StoredBytes> rows =
              dao.chunksBefore(sessionId, ChunkRow.Direction.OUTPUT.code(), end.getAsLong())) {
            collectTail(rows, end.getAsLong(), from, newestFirst);
          }
        });
    return assemble(newestFirst, from, end.getAsLong());
  }

  /** Collects rows newest first while they join up without a gap and reach back to {@code from}. */
  private static void collectTail(
      Stream<StoredBytes> rows, long end, long from, List<StoredBytes> out) {
    long needed = end;
    for (var it = rows.iterator(); it.hasNext() && needed > from; ) {
      StoredBytes row = it.next();
      if (row.end() < needed) {
        break; // a gap: history before it cannot be joined to the tail
      }
      out.add(row);
      needed = Math.min(needed, row.streamOffset());
    }
  }

  private static StoredBytes assemble(List<StoredBytes> newestFirst, long from, long end) {
    long start = end;
    for (StoredBytes row : newestFirst) {
      start = Math.min(start, row.streamOffset());
    }
    start = Math.max(start, from);
    return new StoredBytes(start, join(newestFirst.reversed(), start, end));
  }

  private static byte[] join(List<StoredBytes> oldestFirst, long start, long end) {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) (end - start));
    long next = start;
    for (StoredBytes row : oldestFirst) {
      int skip = (int) (next - row.streamOffset()); // rows never overlap, but stay safe if they do
      if (skip < row.data().length) {
        out.write(row.data(), skip, row.data().length - skip);
        next = row.end();
      }
    }
    return out.toByteArray();
  }
}
