package dev.kubetty.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code transcript_chunks} row to a {@link TranscriptChunk} (public for Jdbi). */
public final class TranscriptChunkMapper implements RowMapper<TranscriptChunk> {
  /** Used by {@code @RegisterRowMapper}. */
  public TranscriptChunkMapper() {}

  @Override
  public TranscriptChunk map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new TranscriptChunk(
        ChunkRow.Direction.ofCode(rs.getString("direction")),
        rs.getLong("stream_offset"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        bytes(rs));
  }

  /** The row's bytes from its {@code data} and {@code raw_length} columns, decompressed. */
  static byte[] bytes(ResultSet rs) throws SQLException {
    return ChunkCompression.decode(rs.getBytes("data"), rs.getObject("raw_length", Integer.class));
  }
}
