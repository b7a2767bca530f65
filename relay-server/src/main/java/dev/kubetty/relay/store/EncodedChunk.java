package dev.kubetty.relay.store;

import java.time.OffsetDateTime;

/**
 * A {@link ChunkRow} in its stored form (see {@link ChunkCompression}), for binding; public for
 * Jdbi.
 *
 * @param stored the bytes for the {@code data} column
 * @param rawLength the {@code raw_length} column: {@code null} when {@code stored} is the row's
 *     bytes as they are
 */
public record EncodedChunk(ChunkRow row, byte[] stored, Integer rawLength) {
  /** The session, for binding. */
  public String sessionId() {
    return row.sessionId();
  }

  /** The stored direction code, for binding. */
  public String directionCode() {
    return row.directionCode();
  }

  /** Where the row's bytes start in their stream, for binding. */
  public long streamOffset() {
    return row.streamOffset();
  }

  /** When the first byte was recorded, for binding. */
  public OffsetDateTime recordedAtUtc() {
    return row.recordedAtUtc();
  }
}
