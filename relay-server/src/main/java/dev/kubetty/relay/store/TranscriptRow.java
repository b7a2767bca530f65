package dev.kubetty.relay.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One row of a session's transcript: a run of stream bytes ({@link ChunkRow}) or an event in the
 * output stream ({@link EventRow}). Rows are immutable once formed, which is what makes storing one
 * twice harmless: the second insert hits the primary key and is skipped.
 */
public sealed interface TranscriptRow permits ChunkRow, EventRow {
  /** The session the row belongs to. */
  String sessionId();

  /** When the first byte or the event was recorded. */
  Instant recordedAt();

  /** {@link #recordedAt} for binding to a {@code timestamptz}. */
  default OffsetDateTime recordedAtUtc() {
    return recordedAt().atOffset(ZoneOffset.UTC);
  }

  /** Payload bytes this row carries (for memory accounting). */
  int payloadBytes();
}
