package dev.kubetty.relay.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing (password4j) with OWASP's parameters: 19 MiB of memory, 2 iterations,
 * parallelism 1, a 16-byte random salt, a 32-byte hash, stored in the PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$…}). One hash or check takes about 50 ms of one core.
 *
 * <p>{@link #verifyNobody} does the same work against a fixed decoy hash, so that a login for an
 * unknown user takes as long as one for a known user. Thread-safe.
 */
public final class PasswordHasher {
  /** Shortest accepted password, in characters. */
  public static final int MIN_LENGTH = 8;

  /** Longest accepted password, in characters (bounds the hashing work per request). */
  public static final int MAX_LENGTH = 1024;

  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, Argon2Function.ARGON2_VERSION_13);

  private final String decoy = hash("decoy password that no user has");

  /** Hashes {@code password}. */
  public String hash(CharSequence password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  /** Whether {@code password} matches {@code storedHash} (constant-time comparison). */
  public boolean verify(CharSequence password, String storedHash) {
    try {
      return Password.check(password, storedHash)
          .with(Argon2Function.getInstanceFromHash(storedHash));
    } catch (RuntimeException malformedHash) {
      // A hash this code did not write: treat as a failed login, never as a server error.
      return false;
    }
  }

  /** Spends the time of one {@link #verify} and returns false. */
  public boolean verifyNobody(CharSequence password) {
    verify(password, decoy);
    return false;
  }

  /** Why {@code password} is not acceptable as a new password, or null if it is. */
  public static String weakness(CharSequence password) {
    if (password.length() < MIN_LENGTH) {
      return "password must be at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > MAX_LENGTH) {
      return "password must be at most " + MAX_LENGTH + " characters";
    }
    return null;
  }
}
