package dev.kubetty.relay.store;

import java.time.OffsetDateTime;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Deletes transcript and attach history older than a cut-off, for every session. */
public interface RetentionDao {
  /** Deletes transcript chunks recorded before {@code cutoff}; returns how many. */
  @SqlUpdate("DELETE FROM transcript_chunks WHERE recorded_at < :cutoff")
  int deleteChunksBefore(@Bind("cutoff") OffsetDateTime cutoff);

  /** Deletes resize and exit events recorded before {@code cutoff}; returns how many. */
  @SqlUpdate("DELETE FROM transcript_events WHERE recorded_at < :cutoff")
  int deleteEventsBefore(@Bind("cutoff") OffsetDateTime cutoff);

  /** Deletes attach history that ended before {@code cutoff}; returns how many. */
  @SqlUpdate("DELETE FROM attachments WHERE detached_at < :cutoff")
  int deleteAttachmentsBefore(@Bind("cutoff") OffsetDateTime cutoff);

  /** Deletes shell generations that ended before {@code cutoff}; returns how many. */
  @SqlUpdate("DELETE FROM shell_generations WHERE ended_at < :cutoff")
  int deleteGenerationsBefore(@Bind("cutoff") OffsetDateTime cutoff);
}
