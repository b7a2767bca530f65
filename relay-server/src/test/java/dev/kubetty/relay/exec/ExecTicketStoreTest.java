package dev.kubetty.relay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecTicketStoreTest {
  private final MutableClock clock = new MutableClock();
  private final ExecTicketStore store = new ExecTicketStore(clock);
  private final ExecTicket grant =
      new ExecTicket(
          new ExecTarget("team-a", "web-0", null, List.of()), "secret-kubeconfig", null, null);

  @Test
  void aTicketIsRedeemedOnce() {
    String ticket = store.issue(grant).orElseThrow();

    assertThat(store.redeem(ticket)).contains(grant);
    assertThat(store.redeem(ticket)).isEmpty();
    assertThat(store.outstanding()).isZero();
  }

  @Test
  void aTicketExpiresAfterSixtySeconds() {
    String fresh = store.issue(grant).orElseThrow();
    String stale = store.issue(grant).orElseThrow();

    clock.advance(Duration.ofSeconds(59));
    assertThat(store.redeem(fresh)).contains(grant);
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.redeem(stale)).isEmpty();
  }

  @Test
  void ticketsAre256RandomBitsAndExpiredOnesAreDropped() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String ticket = store.issue(grant).orElseThrow();
      assertThat(ticket).matches("[A-Za-z0-9_-]{43}");
      seen.add(ticket);
    }
    assertThat(seen).hasSize(100);

    clock.advance(Duration.ofMinutes(2));
    store.issue(grant);
    assertThat(store.outstanding()).isEqualTo(1);
  }

  @Test
  void theOutstandingNumberIsBounded() {
    for (int i = 0; i < ExecTicketStore.MAX_OUTSTANDING; i++) {
      assertThat(store.issue(grant)).isPresent();
    }
    assertThat(store.issue(grant)).isEmpty();
  }

  @Test
  void unknownOrOddTicketsAreRefused() {
    store.issue(grant);
    assertThat(store.redeem(null)).isEmpty();
    assertThat(store.redeem("")).isEmpty();
    assertThat(store.redeem("x".repeat(1000))).isEmpty();
  }

  @Test
  void aTicketNeverPrintsItsKubeconfig() {
    assertThat(grant.toString()).doesNotContain("secret").contains("team-a/web-0");
  }
}
