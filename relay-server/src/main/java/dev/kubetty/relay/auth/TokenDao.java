package dev.kubetty.relay.auth;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for login families and refresh tokens (stored as SHA-256 hashes only). */
@RegisterConstructorMapper(TokenDao.Spent.class)
public interface TokenDao {
  /** What spending a refresh token found: its family, the family's user and state. */
  record Spent(
      UUID familyId,
      long userId,
      String username,
      boolean userActive,
      boolean familyRevoked,
      boolean wasSpent,
      OffsetDateTime expiresAt) {}

  /** Starts a login family for {@code userId}. */
  @SqlUpdate("INSERT INTO token_families (id, user_id) VALUES (:id, :userId)")
  void insertFamily(@Bind("id") UUID id, @Bind("userId") long userId);

  /** Stores a new refresh token of {@code familyId}. */
  @SqlUpdate(
      "INSERT INTO refresh_tokens (token_hash, family_id, expires_at)"
          + " VALUES (:hash, :familyId, :expiresAt)")
  void insertToken(
      @Bind("hash") byte[] tokenHash,
      @Bind("familyId") UUID familyId,
      @Bind("expiresAt") OffsetDateTime expiresAt);

  /**
   * Marks the token spent and reports what it was, in one statement: {@code wasSpent} is true when
   * it had already been spent before (a replay), and then nothing changes. Empty for an unknown
   * token.
   */
  @SqlQuery(
      "WITH before AS ("
          + "  SELECT t.token_hash, t.family_id, t.spent_at IS NOT NULL AS was_spent, t.expires_at"
          + "  FROM refresh_tokens t WHERE t.token_hash = :hash FOR UPDATE),"
          + " spend AS ("
          + "  UPDATE refresh_tokens t SET spent_at = now() FROM before b"
          + "  WHERE t.token_hash = b.token_hash AND NOT b.was_spent)"
          + " SELECT b.family_id, u.id AS user_id, u.username, u.active AS user_active,"
          + "  f.revoked_at IS NOT NULL AS family_revoked, b.was_spent, b.expires_at"
          + " FROM before b JOIN token_families f ON f.id = b.family_id"
          + " JOIN users u ON u.id = f.user_id")
  Optional<Spent> spend(@Bind("hash") byte[] tokenHash);

  /** The family of a refresh token, spent or not. */
  @SqlQuery("SELECT family_id FROM refresh_tokens WHERE token_hash = :hash")
  Optional<UUID> familyOf(@Bind("hash") byte[] tokenHash);

  /** Revokes one family (keeps the first reason). */
  @SqlUpdate(
      "UPDATE token_families SET revoked_at = now(), revoked_reason = :reason"
          + " WHERE id = :id AND revoked_at IS NULL")
  int revokeFamily(@Bind("id") UUID familyId, @Bind("reason") String reason);

  /** Revokes every family of a user. */
  @SqlUpdate(
      "UPDATE token_families SET revoked_at = now(), revoked_reason = :reason"
          + " WHERE user_id = (SELECT id FROM users WHERE lower(username) = lower(:username))"
          + " AND revoked_at IS NULL")
  int revokeUser(@Bind("username") String username, @Bind("reason") String reason);

  /** Whether a family is still good: not revoked, and its user exists and is active. */
  @SqlQuery(
      "SELECT EXISTS (SELECT 1 FROM token_families f JOIN users u ON u.id = f.user_id"
          + " WHERE f.id = :id AND f.user_id = :userId AND f.revoked_at IS NULL AND u.active)")
  boolean isLive(@Bind("id") UUID familyId, @Bind("userId") long userId);

  /** Deletes refresh tokens that expired before {@code before}; returns how many. */
  @SqlUpdate("DELETE FROM refresh_tokens WHERE expires_at < :before")
  int deleteExpired(@Bind("before") OffsetDateTime before);
}
