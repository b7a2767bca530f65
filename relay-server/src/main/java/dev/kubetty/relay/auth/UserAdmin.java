package dev.kubetty.relay.auth;

import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Creating, listing, changing and deleting local users — what {@code kubetty-relay users} and the
 * first-user bootstrap do. Changing a password, deactivating and deleting a user end every login of
 * that user at once (their access tokens and live WebSockets included).
 *
 * <p>Usernames: 1–64 characters, letters, digits, {@code . _ @ -}, starting with a letter or digit;
 * unique ignoring case. Passwords: {@value PasswordHasher#MIN_LENGTH}–{@value
 * PasswordHasher#MAX_LENGTH} characters. Thread-safe; every method does database I/O.
 */
public final class UserAdmin {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  private final Jdbi jdbi;
  private final PasswordHasher hasher;

  public UserAdmin(Jdbi jdbi, PasswordHasher hasher) {
    this.jdbi = jdbi;
    this.hasher = hasher;
  }

  /**
   * Creates an active user.
   *
   * @throws UserAdminException {@code EXISTS} if the name is taken, {@code INVALID} for a bad name
   *     or password
   */
  public UserRow create(String username, CharSequence password) {
    checkUsername(username);
    checkPassword(password);
    String hash = hasher.hash(password);
    try {
      jdbi.useExtension(UserDao.class, users -> users.insert(username, hash));
    } catch (UnableToExecuteStatementException e) {
      if (jdbi.withExtension(UserDao.class, users -> users.byName(username)).isPresent()) {
        throw new UserAdminException(
            UserAdminException.Kind.EXISTS, "user '" + username + "' already exists");
      }
      throw e;
    }
    return find(username);
  }

  /** Every user, by name. */
  public List<UserRow> list() {
    return jdbi.withExtension(UserDao.class, UserDao::all);
  }

  /** Whether any user exists. */
  public boolean hasUsers() {
    return jdbi.withExtension(UserDao.class, UserDao::count) > 0;
  }

  /** The user called {@code username}; {@code UNKNOWN} if there is none. */
  public UserRow find(String username) {
    return jdbi.withExtension(UserDao.class, users -> users.byName(username))
        .orElseThrow(() -> unknown(username));
  }

  /** Sets a new password and ends the user's logins. */
  public void updatePassword(String username, CharSequence password) {
    checkPassword(password);
    String hash = hasher.hash(password);
    requireChanged(
        username, jdbi.withExtension(UserDao.class, u -> u.updatePassword(username, hash)));
    revoke(username, "password changed");
  }

  /** Activates or deactivates a user; deactivating ends the user's logins. */
  public void setActive(String username, boolean active) {
    requireChanged(username, jdbi.withExtension(UserDao.class, u -> u.setActive(username, active)));
    if (!active) {
      revoke(username, "user deactivated");
    }
  }

  /** Deletes a user and its logins. */
  public void delete(String username) {
    requireChanged(username, jdbi.withExtension(UserDao.class, u -> u.delete(username)));
  }

  private void revoke(String username, String reason) {
    jdbi.useExtension(TokenDao.class, tokens -> tokens.revokeUser(username, reason));
  }

  private static void requireChanged(String username, int rows) {
    if (rows == 0) {
      throw unknown(username);
    }
  }

  private static UserAdminException unknown(String username) {
    return new UserAdminException(UserAdminException.Kind.UNKNOWN, "no user '" + username + "'");
  }

  private static void checkUsername(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new UserAdminException(
          UserAdminException.Kind.INVALID,
          "username must be 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or"
              + " digit");
    }
  }

  private static void checkPassword(CharSequence password) {
    String weakness = PasswordHasher.weakness(password);
    if (weakness != null) {
      throw new UserAdminException(UserAdminException.Kind.INVALID, weakness);
    }
  }
}
