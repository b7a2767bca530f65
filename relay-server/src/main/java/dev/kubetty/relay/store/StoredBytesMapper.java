package dev.kubetty.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps {@code stream_offset, data, raw_length} to {@link StoredBytes}, decompressed (public for
 * Jdbi).
 */
public final class StoredBytesMapper implements RowMapper<StoredBytes> {
  /** Used by {@code @RegisterRowMapper}. */
  public StoredBytesMapper() {}

  @Override
  public StoredBytes map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StoredBytes(rs.getLong("stream_offset"), TranscriptChunkMapper.bytes(rs));
  }
}
