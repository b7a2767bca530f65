package dev.kubetty.relay.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for sessions, shell generations and attach history. Small, infrequent writes: callers run
 * them off the PTY and WebSocket threads (they do I/O and may throw when the database is down).
 */
@RegisterConstructorMapper(SessionRow.class)
@RegisterConstructorMapper(ShellGenerationRow.class)
@RegisterConstructorMapper(AttachmentRow.class)
public interface SessionDao {
  /** Creates the session row if missing; keeps the original creation time. */
  @SqlUpdate(
      "INSERT INTO sessions (id, deployment_id) VALUES (:id, :deploymentId)"
          + " ON CONFLICT (id) DO UPDATE SET deployment_id = excluded.deployment_id")
  void upsertSession(@Bind("id") String id, @Bind("deploymentId") String deploymentId);

  /** The session row, if stored. */
  @SqlQuery("SELECT * FROM sessions WHERE id = :id")
  Optional<SessionRow> session(@Bind("id") String id);

  /** Records that a shell generation started at output offset {@code startOffset}. */
  @SqlUpdate(
      "INSERT INTO shell_generations (session_id, generation, started_at, start_offset)"
          + " VALUES (:sessionId, :generation, :at, :startOffset) ON CONFLICT DO NOTHING")
  void shellStarted(
      @Bind("sessionId") String sessionId,
      @Bind("generation") int generation,
      @Bind("at") OffsetDateTime at,
      @Bind("startOffset") long startOffset);

  /** Records how a shell generation ended. */
  @SqlUpdate(
      "UPDATE shell_generations SET ended_at = :at, exit_code = :exitCode, end_offset = :endOffset"
          + " WHERE session_id = :sessionId AND generation = :generation")
  void shellEnded(
      @Bind("sessionId") String sessionId,
      @Bind("generation") int generation,
      @Bind("at") OffsetDateTime at,
      @Bind("exitCode") int exitCode,
      @Bind("endOffset") long endOffset);

  /** The highest stored generation of a session, if any (to continue numbering after restart). */
  @SqlQuery("SELECT max(generation) FROM shell_generations WHERE session_id = :sessionId")
  Optional<Integer> lastGeneration(@Bind("sessionId") String sessionId);

  /** A session's shell generations, oldest first. */
  @SqlQuery("SELECT * FROM shell_generations WHERE session_id = :sessionId ORDER BY generation")
  List<ShellGenerationRow> generations(@Bind("sessionId") String sessionId);

  /** Records an attach and stamps the session; returns the attachment id. */
  @SqlUpdate(
      "WITH touched AS (UPDATE sessions SET last_attach_at = :at WHERE id = :sessionId)"
          + " INSERT INTO attachments"
          + " (session_id, client_id, remote_address, user_agent, username, attached_at)"
          + " VALUES (:sessionId, :clientId, :remoteAddress, :userAgent, :username, :at)")
  @GetGeneratedKeys("id")
  long attached(
      @Bind("sessionId") String sessionId,
      @Bind("clientId") String clientId,
      @Bind("remoteAddress") String remoteAddress,
      @Bind("userAgent") String userAgent,
      @Bind("username") String username,
      @Bind("at") OffsetDateTime at);

  /** Records how an attachment ended and stamps the session. */
  @SqlUpdate(
      "WITH touched AS (UPDATE sessions SET last_detach_at = :at"
          + " WHERE id = (SELECT session_id FROM attachments WHERE id = :id))"
          + " UPDATE attachments SET detached_at = :at, close_code = :closeCode,"
          + " close_reason = :closeReason WHERE id = :id")
  void detached(
      @Bind("id") long id,
      @Bind("at") OffsetDateTime at,
      @Bind("closeCode") int closeCode,
      @Bind("closeReason") String closeReason);

  /** A session's attach history, oldest first. */
  @SqlQuery("SELECT * FROM attachments WHERE session_id = :sessionId ORDER BY id")
  List<AttachmentRow> attachments(@Bind("sessionId") String sessionId);
}
