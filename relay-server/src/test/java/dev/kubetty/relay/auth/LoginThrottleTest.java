package dev.kubetty.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  final AtomicLong now = new AtomicLong();
  final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(5), now::get);

  @Test
  void aUserIsBlockedAfterTheLimitUntilTheOldestFailureLeavesTheWindow() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.retryAfter("alice", "10.0.0.1")).isZero();
      throttle.failed("alice", "10.0.0.1");
      now.addAndGet(Duration.ofSeconds(10).toNanos());
    }
    assertThat(throttle.retryAfter("ALICE", "10.0.0.2")).isEqualTo(Duration.ofSeconds(270));
    now.addAndGet(Duration.ofSeconds(270).toNanos());
    assertThat(throttle.retryAfter("alice", "10.0.0.1")).isZero();
  }

  @Test
  void anAddressIsBlockedAcrossUsernames() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i, "10.0.0.9");
    }
    assertThat(throttle.retryAfter("someone-new", "10.0.0.9")).isPositive();
    assertThat(throttle.retryAfter("someone-new", "10.0.0.10")).isZero();
  }

  @Test
  void successForgetsTheUsersFailures() {
    throttle.failed("bob", "10.0.0.1");
    throttle.failed("bob", "10.0.0.1");
    throttle.succeeded("bob");
    throttle.failed("bob", "10.0.0.1");
    throttle.failed("bob", "10.0.0.1");
    assertThat(throttle.retryAfter("bob", "10.0.0.3")).isZero();
  }
}
