package dev.kubetty.desktop.auth;

import dev.kubetty.protocol.auth.AuthClient;
import dev.kubetty.protocol.auth.AuthException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project's login: its tokens (kept in the {@link TokenStore}), the header for connections, and
 * a background refresh shortly before the access token expires (at 80 % of its life, at least 5 s
 * ahead). Thread-safe; refreshes run on one daemon thread per login. Close it to stop refreshing.
 */
public final class ProjectLogin implements RelayCredentials, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProjectLogin.class);

  private final String projectId;
  private final AuthClient auth;
  private final TokenStore store;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("kubetty-token-refresh").unstarted(r));
  private Tokens tokens;
  private String lastUsername;
  private ScheduledFuture<?> scheduled;

  /** A login for {@code projectId} at relay {@code base}, starting with any stored tokens. */
  public ProjectLogin(String projectId, AuthClient auth, TokenStore store, Clock clock) {
    this.projectId = projectId;
    this.auth = auth;
    this.store = store;
    this.clock = clock;
    try {
      store.get(projectId).ifPresent(this::install);
    } catch (IOException e) {
      log.warn("project={} event=token-file-unreadable error={}", projectId, e.getMessage());
    }
  }

  /** Whether tokens are held (they may still be expired; the relay decides). */
  public synchronized boolean hasTokens() {
    return tokens != null;
  }

  /** Who is or was last logged in here (kept after a logout to fill the login form). */
  public synchronized Optional<String> username() {
    return Optional.ofNullable(lastUsername);
  }

  /** Logs in (blocking) and stores the tokens. */
  public void logIn(String username, String password) throws AuthException {
    save(stored(auth.login(username, password)));
  }

  /** A sentence for people about a failed login call. */
  public static String explain(AuthException e) {
    return switch (e.kind()) {
      case REJECTED -> "Wrong user name or password.";
      case THROTTLED ->
          "Too many attempts. Try again in " + Math.max(1, e.retryAfter().toSeconds()) + " s.";
      case AUTH_DISABLED -> "This relay asks for no login: edit the project and untick the login.";
      case UNAVAILABLE -> "Cannot reach the relay (" + e.getMessage() + ").";
    };
  }

  private static Tokens stored(dev.kubetty.protocol.auth.Tokens issued) {
    return new Tokens(
        issued.accessToken(), issued.refreshToken(), issued.accessExpiresAt(), issued.username());
  }

  /** Revokes the login at the relay (best effort) and forgets the tokens. */
  public void logOut() {
    Tokens old;
    synchronized (this) {
      old = tokens;
      tokens = null;
      cancelScheduled();
    }
    try {
      store.remove(projectId);
      if (old != null) {
        auth.logout(old.refreshToken());
      }
    } catch (IOException | AuthException e) {
      log.warn("project={} event=logout-incomplete error={}", projectId, e.getMessage());
    }
  }

  @Override
  public synchronized String authorizationHeader() {
    return tokens == null ? null : "Bearer " + tokens.accessToken();
  }

  @Override
  public boolean refresh() {
    Tokens current;
    synchronized (this) {
      current = tokens;
    }
    if (current == null) {
      return false;
    }
    try {
      save(stored(auth.refresh(current.refreshToken())));
      return true;
    } catch (AuthException e) {
      log.info("project={} event=refresh-failed reason={}", projectId, e.kind());
      if (e.kind() == AuthException.Kind.REJECTED) {
        forget();
      }
      return false;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private void save(Tokens fresh) {
    install(fresh);
    try {
      store.put(projectId, fresh);
    } catch (IOException e) {
      log.warn("project={} event=token-save-failed error={}", projectId, e.getMessage());
    }
  }

  private synchronized void install(Tokens fresh) {
    tokens = fresh;
    if (fresh.username() != null) {
      lastUsername = fresh.username();
    }
    cancelScheduled();
    Duration life = Duration.between(clock.instant(), fresh.expiresAt());
    Duration wait = life.multipliedBy(8).dividedBy(10);
    if (life.minus(wait).compareTo(Duration.ofSeconds(5)) < 0) {
      wait = life.minusSeconds(5);
    }
    if (!timer.isShutdown()) {
      scheduled =
          timer.schedule(this::refresh, Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
    }
  }

  private void forget() {
    synchronized (this) {
      tokens = null;
      cancelScheduled();
    }
    try {
      store.remove(projectId);
    } catch (IOException e) {
      log.warn("project={} event=token-remove-failed error={}", projectId, e.getMessage());
    }
  }

  private void cancelScheduled() {
    if (scheduled != null) {
      scheduled.cancel(false);
      scheduled = null;
    }
  }

  /** Whether the stored access token has expired by {@code now} (for tests and the UI). */
  public synchronized boolean expiredAt(Instant now) {
    return tokens != null && !now.isBefore(tokens.expiresAt());
  }
}
