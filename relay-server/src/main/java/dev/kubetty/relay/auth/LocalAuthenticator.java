package dev.kubetty.relay.auth;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AUTH_MODE=local}: logs users in, rotates refresh tokens, logs out, and authenticates
 * access tokens.
 *
 * <p><b>Logins and families.</b> Each login starts a family; its refresh tokens are single-use and
 * each refresh hands out the next one. A refresh token presented a second time means it was copied:
 * the whole family is revoked, so both the thief and the victim must log in again. Logout revokes
 * the family. An access token is accepted only while its family is live and its user active — a
 * database check on every request, so revocation and deactivation act at once (and {@link #isLive}
 * lets the WebSocket layer close live sockets).
 *
 * <p><b>Timing.</b> A login for an unknown or inactive user runs Argon2id against a decoy hash, so
 * it costs the same as a wrong password for a real user. Throttled attempts are refused before any
 * hashing.
 *
 * <p>Thread-safe. Methods do database I/O and may throw Jdbi exceptions when it is down (callers
 * answer 503).
 */
public final class LocalAuthenticator {
  private static final Logger log = LoggerFactory.getLogger(LocalAuthenticator.class);

  private final Jdbi jdbi;
  private final PasswordHasher hasher;
  private final AccessTokens access;
  private final java.time.Duration refreshTtl;
  private final LoginThrottle throttle;
  private final Clock clock;

  /** An authenticator over the users in {@code jdbi}'s database. */
  public LocalAuthenticator(
      Jdbi jdbi, PasswordHasher hasher, AccessTokens access, java.time.Duration refreshTtl) {
    this(jdbi, hasher, access, refreshTtl, new LoginThrottle(), Clock.systemUTC());
  }

  LocalAuthenticator(
      Jdbi jdbi,
      PasswordHasher hasher,
      AccessTokens access,
      java.time.Duration refreshTtl,
      LoginThrottle throttle,
      Clock clock) {
    this.jdbi = jdbi;
    this.hasher = hasher;
    this.access = access;
    this.refreshTtl = refreshTtl;
    this.throttle = throttle;
    this.clock = clock;
  }

  /** Checks a username and password from {@code address}; never says which of the two was wrong. */
  public LoginResult login(String username, String password, String address) {
    java.time.Duration wait = throttle.retryAfter(username, address);
    if (!wait.isZero()) {
      log.info("event=login-throttled address={}", address);
      return new LoginResult.Throttled(wait);
    }
    Optional<UserRow> user = jdbi.withExtension(UserDao.class, users -> users.byName(username));
    boolean ok =
        user.isPresent()
            ? hasher.verify(password, user.get().passwordHash()) && user.get().active()
            : hasher.verifyNobody(password);
    if (!ok) {
      throttle.failed(username, address);
      log.info("event=login-failed address={}", address);
      return new LoginResult.Rejected();
    }
    throttle.succeeded(username);
    UserRow row = user.get();
    UUID family = UUID.randomUUID();
    String refresh =
        jdbi.inTransaction(
            handle -> {
              handle.attach(TokenDao.class).insertFamily(family, row.id());
              return storeRefresh(handle, family);
            });
    log.info("event=login user={} address={}", row.username(), address);
    return new LoginResult.Success(pair(row.id(), row.username(), family, refresh));
  }

  /**
   * Spends {@code refreshToken} and hands out the next pair of its family; empty if the token is
   * unknown, expired, spent (then its family is revoked) or its login has ended.
   */
  public Optional<TokenPair> refresh(String refreshToken) {
    byte[] hash = RefreshTokens.hash(refreshToken);
    if (hash == null) {
      return Optional.empty();
    }
    return jdbi.inTransaction(
        handle -> {
          TokenDao tokens = handle.attach(TokenDao.class);
          Optional<TokenDao.Spent> spent = tokens.spend(hash);
          if (spent.isEmpty()) {
            return Optional.empty();
          }
          TokenDao.Spent s = spent.get();
          if (s.wasSpent()) {
            tokens.revokeFamily(s.familyId(), "refresh token reused");
            log.warn(
                "event=refresh-token-reuse user={} action=login-revoked (a copied refresh token?)",
                s.username());
            return Optional.empty();
          }
          if (s.familyRevoked() || !s.userActive() || s.expiresAt().isBefore(now())) {
            return Optional.empty();
          }
          String next = storeRefresh(handle, s.familyId());
          return Optional.of(pair(s.userId(), s.username(), s.familyId(), next));
        });
  }

  /** Ends the login that {@code refreshToken} belongs to; unknown tokens are ignored. */
  public void logout(String refreshToken) {
    byte[] hash = RefreshTokens.hash(refreshToken);
    if (hash != null) {
      jdbi.useExtension(
          TokenDao.class, t -> t.familyOf(hash).ifPresent(f -> t.revokeFamily(f, "logout")));
    }
  }

  /** Ends the login of {@code principal}. */
  public void logout(Principal principal) {
    jdbi.useExtension(TokenDao.class, t -> t.revokeFamily(principal.family(), "logout"));
  }

  /** The principal of a valid access token whose login is live; empty otherwise. */
  public Optional<Principal> authenticate(String accessToken) {
    return access.verify(accessToken).filter(this::isLive);
  }

  /** Whether the login of {@code principal} is still live (not revoked, user active). */
  public boolean isLive(Principal principal) {
    return jdbi.withExtension(
        TokenDao.class, t -> t.isLive(principal.family(), principal.userId()));
  }

  private String storeRefresh(Handle handle, UUID family) {
    String token = RefreshTokens.generate();
    handle
        .attach(TokenDao.class)
        .insertToken(RefreshTokens.hash(token), family, now().plus(refreshTtl));
    return token;
  }

  private TokenPair pair(long userId, String username, UUID family, String refresh) {
    return new TokenPair(
        access.issue(userId, username, family), refresh, access.ttl(), refreshTtl, username);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
