package dev.kubetty.relay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionLeaseTest {
  @RegisterExtension static final DatabaseExtension db = new DatabaseExtension();

  @Test
  void aSecondRelayOfTheSessionWaitsUntilTheFirstLetsGo() throws Exception {
    SessionLease first = SessionLease.acquire(db.database(), "handover", Duration.ofSeconds(5));
    CompletableFuture<SessionLease> second =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return SessionLease.acquire(db.database(), "handover", Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    Thread.sleep(1_000);
    assertThat(second).as("waits while the first holds the session").isNotDone();
    first.close();
    second.get(5, TimeUnit.SECONDS).close();
  }

  @Test
  void otherSessionsDoNotWait() throws Exception {
    try (SessionLease a = SessionLease.acquire(db.database(), "one", Duration.ZERO);
        SessionLease b = SessionLease.acquire(db.database(), "other", Duration.ZERO)) {
      assertThat(a).isNotNull();
      assertThat(b).isNotNull();
    }
  }

  @Test
  void givesUpWithAPlainMessageWhenTheOtherRelayDoesNotStop() throws Exception {
    try (SessionLease held = SessionLease.acquire(db.database(), "stuck", Duration.ZERO)) {
      assertThatThrownBy(() -> SessionLease.acquire(db.database(), "stuck", Duration.ofMillis(300)))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("session stuck is still held by another relay")
          .hasMessageContaining("SESSION_ID");
    }
  }

  @Test
  void theLeaseIsTakenBackAfterItsConnectionWasLost() throws Exception {
    try (SessionLease lease =
        SessionLease.acquire(db.database(), "outage", Duration.ZERO, Duration.ofMillis(200))) {
      terminateLeaseConnections();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      boolean heldAgain = false;
      while (!heldAgain && System.nanoTime() < deadline) {
        Thread.sleep(100);
        heldAgain = isLocked("outage");
      }
      assertThat(heldAgain).as("the lease took its lock back on a new connection").isTrue();
      assertThatThrownBy(() -> SessionLease.acquire(db.database(), "outage", Duration.ZERO))
          .isInstanceOf(StoreException.class);
    }
  }

  private static void terminateLeaseConnections() {
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT pg_terminate_backend(pid) FROM pg_locks"
                            + " WHERE locktype = 'advisory' AND pid <> pg_backend_pid()")
                    .mapTo(Boolean.class)
                    .list());
  }

  /** Whether another connection holds {@code session}'s lock (probed with a try-lock, undone). */
  private static boolean isLocked(String session) {
    String key = "kubetty-session:" + session;
    return db.database()
        .jdbi()
        .withHandle(
            h -> {
              boolean free =
                  h.createQuery("SELECT pg_try_advisory_lock(hashtextextended(:k, 0))")
                      .bind("k", key)
                      .mapTo(Boolean.class)
                      .one();
              if (free) {
                h.createQuery("SELECT pg_advisory_unlock(hashtextextended(:k, 0))")
                    .bind("k", key)
                    .mapTo(Boolean.class)
                    .one();
              }
              return !free;
            });
  }

  @Test
  void aRelayWhoseConnectionDiedNoLongerHoldsTheSession() throws Exception {
    try (SessionLease crashed = SessionLease.acquire(db.database(), "crash", Duration.ZERO)) {
      terminateLeaseConnections();
      try (SessionLease next =
          SessionLease.acquire(db.database(), "crash", Duration.ofSeconds(5))) {
        assertThat(next).isNotNull();
      }
    }
  }
}
