package dev.kubetty.relay.auth;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code users}. Names are matched ignoring case. */
@RegisterConstructorMapper(UserRow.class)
public interface UserDao {
  /** Inserts a user and returns its id; a taken name violates {@code users_by_name}. */
  @SqlUpdate("INSERT INTO users (username, password_hash) VALUES (:username, :hash)")
  @GetGeneratedKeys("id")
  long insert(@Bind("username") String username, @Bind("hash") String passwordHash);

  /** The user called {@code username} (any case). */
  @SqlQuery("SELECT * FROM users WHERE lower(username) = lower(:username)")
  Optional<UserRow> byName(@Bind("username") String username);

  /** Every user, by name. */
  @SqlQuery("SELECT * FROM users ORDER BY lower(username)")
  List<UserRow> all();

  /** How many users exist. */
  @SqlQuery("SELECT count(*) FROM users")
  long count();

  /** Replaces a password hash; returns the number of rows changed. */
  @SqlUpdate(
      "UPDATE users SET password_hash = :hash, updated_at = now()"
          + " WHERE lower(username) = lower(:username)")
  int updatePassword(@Bind("username") String username, @Bind("hash") String passwordHash);

  /** Activates or deactivates; returns the number of rows changed. */
  @SqlUpdate(
      "UPDATE users SET active = :active, updated_at = now()"
          + " WHERE lower(username) = lower(:username)")
  int setActive(@Bind("username") String username, @Bind("active") boolean active);

  /** Deletes a user and (by cascade) its logins; returns the number of rows deleted. */
  @SqlUpdate("DELETE FROM users WHERE lower(username) = lower(:username)")
  int delete(@Bind("username") String username);
}
