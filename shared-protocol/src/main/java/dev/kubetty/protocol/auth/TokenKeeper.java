package dev.kubetty.protocol.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps one login's tokens fresh: refreshes the access token in the background when 75 % of its
 * lifetime has passed (retrying every 10 s while the relay is unreachable), and hands the current
 * {@code Authorization} value to whoever asks — typically {@link
 * dev.kubetty.protocol.client.RelayClient.Builder#authorization}, which asks on every reconnect.
 *
 * <p>Listeners: {@code onTokens} receives every new pair (to persist it; the refresh token is
 * single-use, so the stored one must be replaced), {@code onEnded} is called once when the relay
 * rejects a refresh (logged out elsewhere, user deactivated, token reused): the caller must log in
 * again. Both run on the keeper's daemon thread. Thread-safe; {@link #close} stops refreshing.
 */
public final class TokenKeeper implements AutoCloseable {
  private static final Duration RETRY = Duration.ofSeconds(10);

  private final AuthClient client;
  private final Consumer<Tokens> onTokens;
  private final Consumer<AuthException> onEnded;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("kubetty-token-refresh").unstarted(r));
  private volatile Tokens tokens;
  private ScheduledFuture<?> next;

  /** Starts keeping {@code tokens} fresh. */
  public TokenKeeper(
      AuthClient client,
      Tokens tokens,
      Consumer<Tokens> onTokens,
      Consumer<AuthException> onEnded) {
    this(client, tokens, onTokens, onEnded, Clock.systemUTC());
  }

  TokenKeeper(
      AuthClient client,
      Tokens tokens,
      Consumer<Tokens> onTokens,
      Consumer<AuthException> onEnded,
      Clock clock) {
    this.client = client;
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.onTokens = onTokens;
    this.onEnded = onEnded;
    this.clock = clock;
    schedule(untilRefresh(tokens));
  }

  /** The current tokens. */
  public Tokens tokens() {
    return tokens;
  }

  /** {@code Bearer <access token>}, for {@code RelayClient.Builder#authorization}. */
  public Supplier<String> authorization() {
    return () -> "Bearer " + tokens.accessToken();
  }

  /** Refreshes now, on the caller's thread (e.g. after a 4401); throws if the login has ended. */
  public synchronized Tokens refreshNow() throws AuthException {
    Tokens fresh = client.refresh(tokens.refreshToken());
    tokens = fresh;
    onTokens.accept(fresh);
    schedule(untilRefresh(fresh));
    return fresh;
  }

  /** Ends the login on the relay and stops refreshing. */
  public void logout() throws AuthException {
    close();
    client.logout(tokens.refreshToken());
  }

  private Duration untilRefresh(Tokens t) {
    Duration life = t.expiresIn().multipliedBy(3).dividedBy(4);
    Duration left = Duration.between(clock.instant(), t.issuedAt().plus(life));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private synchronized void schedule(Duration delay) {
    if (next != null) {
      next.cancel(false);
    }
    if (!timer.isShutdown()) {
      next = timer.schedule(this::refreshInBackground, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void refreshInBackground() {
    try {
      refreshNow();
    } catch (AuthException e) {
      if (e.kind() == AuthException.Kind.UNAVAILABLE) {
        schedule(RETRY);
      } else {
        close();
        onEnded.accept(e);
      }
    }
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
  }
}
