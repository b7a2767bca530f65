package dev.kubetty.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code transcript_events} row to an {@link EventRow} (public for Jdbi's reflection). */
public final class EventRowMapper implements RowMapper<EventRow> {
  /** Used by {@code @RegisterRowMapper}. */
  public EventRowMapper() {}

  @Override
  public EventRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new EventRow(
        rs.getString("session_id"),
        rs.getLong("event_id"),
        EventRow.Kind.ofCode(rs.getString("kind")),
        rs.getLong("output_offset"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        rs.getInt("a"),
        rs.getInt("b"));
  }
}
