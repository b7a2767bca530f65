package dev.kubetty.relay.store;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * SQL for the transcript tables. Inserts are idempotent: a row already stored (same key) is
 * skipped, so replaying a spool after an outage never duplicates.
 */
@RegisterConstructorMapper(StoredBytes.class)
@RegisterRowMapper(EventRowMapper.class)
public interface TranscriptDao {
  /** Inserts chunks, skipping any already stored. */
  @SqlBatch(
      "INSERT INTO transcript_chunks (session_id, direction, stream_offset, recorded_at, data)"
          + " VALUES (:sessionId, :directionCode, :streamOffset, :recordedAtUtc, :data)"
          + " ON CONFLICT DO NOTHING")
  void insertChunks(@BindMethods List<ChunkRow> rows);

  /** Inserts events, skipping any already stored. */
  @SqlBatch(
      "INSERT INTO transcript_events (session_id, event_id, kind, output_offset, recorded_at, a, b)"
          + " VALUES (:sessionId, :eventId, :kindCode, :outputOffset, :recordedAtUtc, :a, :b)"
          + " ON CONFLICT DO NOTHING")
  void insertEvents(@BindMethods List<EventRow> rows);

  /** The offset just past the last stored byte of a stream, if any byte is stored. */
  @SqlQuery(
      "SELECT stream_offset + length(data) FROM transcript_chunks"
          + " WHERE session_id = :sessionId AND direction = :direction"
          + " ORDER BY stream_offset DESC LIMIT 1")
  Optional<Long> streamEnd(@Bind("sessionId") String sessionId, @Bind("direction") String code);

  /** The highest stored event id of a session, if any. */
  @SqlQuery("SELECT max(event_id) FROM transcript_events WHERE session_id = :sessionId")
  Optional<Long> lastEventId(@Bind("sessionId") String sessionId);

  /** Stored chunks of a stream starting before {@code before}, newest first. */
  @SqlQuery(
      "SELECT stream_offset, data FROM transcript_chunks"
          + " WHERE session_id = :sessionId AND direction = :direction"
          + " AND stream_offset < :before ORDER BY stream_offset DESC")
  Stream<StoredBytes> chunksBefore(
      @Bind("sessionId") String sessionId,
      @Bind("direction") String code,
      @Bind("before") long before);

  /** Stored chunks of a stream from {@code from} on, oldest first (at most {@code limit}). */
  @SqlQuery(
      "SELECT stream_offset, data FROM transcript_chunks"
          + " WHERE session_id = :sessionId AND direction = :direction"
          + " AND stream_offset >= :from ORDER BY stream_offset LIMIT :limit")
  List<StoredBytes> chunksFrom(
      @Bind("sessionId") String sessionId,
      @Bind("direction") String code,
      @Bind("from") long from,
      @Bind("limit") int limit);

  /** Stored events of a session in the order they happened. */
  @SqlQuery(
      "SELECT session_id, event_id, kind, output_offset, recorded_at, a, b FROM transcript_events"
          + " WHERE session_id = :sessionId ORDER BY event_id")
  List<EventRow> events(@Bind("sessionId") String sessionId);
}
