package dev.kubetty.relay.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * SQL for the transcript tables. Inserts are idempotent: a row already stored (same key) is
 * skipped, so replaying a spool after an outage never duplicates.
 */
@RegisterRowMapper(StoredBytesMapper.class)
@RegisterRowMapper(EventRowMapper.class)
@RegisterRowMapper(TranscriptChunkMapper.class)
public interface TranscriptDao {
  /** Rows per round trip of {@link #chunksBefore} (64 KiB rows: 1 MiB). */
  int TAIL_FETCH_ROWS = 16;

  /** Inserts chunks, compressed where that pays ({@link ChunkCompression}), skipping any stored. */
  default void insertChunks(List<ChunkRow> rows) {
    insertEncoded(rows.stream().map(ChunkCompression::encode).toList());
  }

  /** Inserts chunks in their stored form, skipping any already stored. */
  @SqlBatch(
      "INSERT INTO transcript_chunks"
          + " (session_id, direction, stream_offset, recorded_at, data, raw_length)"
          + " VALUES (:sessionId, :directionCode, :streamOffset, :recordedAtUtc, :stored,"
          + " :rawLength) ON CONFLICT DO NOTHING")
  void insertEncoded(@BindMethods List<EncodedChunk> rows);

  /** Inserts events, skipping any already stored. */
  @SqlBatch(
      "INSERT INTO transcript_events (session_id, event_id, kind, output_offset, recorded_at, a, b)"
          + " VALUES (:sessionId, :eventId, :kindCode, :outputOffset, :recordedAtUtc, :a, :b)"
          + " ON CONFLICT DO NOTHING")
  void insertEvents(@BindMethods List<EventRow> rows);

  /** The offset just past the last stored byte of a stream, if any byte is stored. */
  @SqlQuery(
      "SELECT stream_offset + coalesce(raw_length, length(data)) FROM transcript_chunks"
          + " WHERE session_id = :sessionId AND direction = :direction"
          + " ORDER BY stream_offset DESC LIMIT 1")
  Optional<Long> streamEnd(@Bind("sessionId") String sessionId, @Bind("direction") String code);

  /** The highest stored event id of a session, if any. */
  @SqlQuery("SELECT max(event_id) FROM transcript_events WHERE session_id = :sessionId")
  Optional<Long> lastEventId(@Bind("sessionId") String sessionId);

  /**
   * Stored chunks of a stream starting before {@code before}, newest first, fetched {@value
   * #TAIL_FETCH_ROWS} rows at a time: inside a transaction PostgreSQL's driver then reads through a
   * cursor, so a caller that stops early never holds the whole stream in memory.
   */
  @FetchSize(TAIL_FETCH_ROWS)
  @SqlQuery(
      "SELECT stream_offset, data, raw_length FROM transcript_chunks"
          + " WHERE session_id = :sessionId AND direction = :direction"
          + " AND stream_offset < :before ORDER BY stream_offset DESC")
  Stream<StoredBytes> chunksBefore(
      @Bind("sessionId") String sessionId,
      @Bind("direction") String code,
      @Bind("before") long before);

  /** Stored chunks of a stream from {@code from} on, oldest first (at most {@code limit}). */
  @SqlQuery(
      "SELECT stream_offset, data, raw_length FROM transcript_chunks"
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

  /**
   * One page of a stream for the logs: chunks from {@code from} on, recorded in [{@code since},
   * {@code until}), oldest first, at most {@code limit}.
   */
  @SqlQuery(
      """
      SELECT direction, stream_offset, recorded_at, data, raw_length FROM transcript_chunks
       WHERE session_id = :sessionId AND direction = :direction AND stream_offset >= :from
         AND recorded_at >= :since AND recorded_at < :until
       ORDER BY stream_offset LIMIT :limit""")
  List<TranscriptChunk> chunkPage(
      @Bind("sessionId") String sessionId,
      @Bind("direction") String code,
      @Bind("from") long from,
      @Bind("since") OffsetDateTime since,
      @Bind("until") OffsetDateTime until,
      @Bind("limit") int limit);

  /**
   * A stream's chunks oldest first, from the last one starting before {@code from} (a search match
   * may begin in it) on, read through a cursor when called in a transaction (see {@link
   * #chunksBefore}).
   */
  @FetchSize(TAIL_FETCH_ROWS)
  @SqlQuery(
      """
      SELECT direction, stream_offset, recorded_at, data, raw_length FROM transcript_chunks
       WHERE session_id = :sessionId AND direction = :direction
         AND stream_offset >= coalesce(
           (SELECT max(stream_offset) FROM transcript_chunks
             WHERE session_id = :sessionId AND direction = :direction
               AND stream_offset < :from), :from)
       ORDER BY stream_offset""")
  Stream<TranscriptChunk> chunksAround(
      @Bind("sessionId") String sessionId, @Bind("direction") String code, @Bind("from") long from);

  /**
   * Events placed at output offsets in [{@code fromOffset}, {@code toOffset}), recorded in [{@code
   * since}, {@code until}), with an id above {@code afterEventId}, in order, at most {@code limit}.
   */
  @SqlQuery(
      """
      SELECT session_id, event_id, kind, output_offset, recorded_at, a, b FROM transcript_events
       WHERE session_id = :sessionId AND event_id > :afterEventId
         AND output_offset >= :fromOffset AND output_offset < :toOffset
         AND recorded_at >= :since AND recorded_at < :until
       ORDER BY event_id LIMIT :limit""")
  List<EventRow> eventPage(
      @Bind("sessionId") String sessionId,
      @Bind("afterEventId") long afterEventId,
      @Bind("fromOffset") long fromOffset,
      @Bind("toOffset") long toOffset,
      @Bind("since") OffsetDateTime since,
      @Bind("until") OffsetDateTime until,
      @Bind("limit") int limit);

  /** The last resize recorded at or before {@code at}, if any. */
  @SqlQuery(
      """
      SELECT session_id, event_id, kind, output_offset, recorded_at, a, b FROM transcript_events
       WHERE session_id = :sessionId AND kind = 'r' AND recorded_at <= :at
       ORDER BY event_id DESC LIMIT 1""")
  Optional<EventRow> lastResizeAtOrBefore(
      @Bind("sessionId") String sessionId, @Bind("at") OffsetDateTime at);

  /** When the first chunk or event recorded in [{@code since}, {@code until}) was recorded. */
  @SqlQuery(
      """
      SELECT min(t) FROM (
        SELECT min(recorded_at) AS t FROM transcript_chunks
         WHERE session_id = :sessionId AND recorded_at >= :since AND recorded_at < :until
        UNION ALL
        SELECT min(recorded_at) FROM transcript_events
         WHERE session_id = :sessionId AND recorded_at >= :since AND recorded_at < :until) AS firsts""")
  Optional<OffsetDateTime> firstRecordedAt(
      @Bind("sessionId") String sessionId,
      @Bind("since") OffsetDateTime since,
      @Bind("until") OffsetDateTime until);
}
