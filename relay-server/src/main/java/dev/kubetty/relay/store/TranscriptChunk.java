package dev.kubetty.relay.store;

import java.time.Instant;

/**
 * A stored run of stream bytes as read back for the logs: which stream, where in it, when the first
 * byte was recorded, and the bytes. The array is owned by the record: never modified.
 */
public record TranscriptChunk(
    ChunkRow.Direction direction, long streamOffset, Instant recordedAt, byte[] data) {
  /** The offset just past the last byte. */
  public long end() {
    return streamOffset + data.length;
  }
}
