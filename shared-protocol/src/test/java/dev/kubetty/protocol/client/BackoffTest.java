package dev.kubetty.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration MIN = Duration.ofMillis(100);
  private static final Duration MAX = Duration.ofSeconds(5);

  @Test
  void firstWaitIsTheFloor() {
    assertThat(new Backoff(MIN, MAX, new Random(1)).next()).isEqualTo(MIN);
  }

  @Test
  void attemptNWaitsBetweenMinAndMinTimesTwoToTheN() {
    Backoff backoff = new Backoff(MIN, MAX, new Random(42));
    for (int attempt = 0; attempt < 12; attempt++) {
      long ceiling = Math.min(MAX.toMillis(), MIN.toMillis() << attempt);
      assertThat(backoff.next()).isBetween(MIN, Duration.ofMillis(ceiling));
    }
    assertThat(backoff.attempts()).isEqualTo(12);
  }

  @Test
  void neverExceedsMaxEvenAfterManyAttempts() {
    Backoff backoff = new Backoff(MIN, MAX, new Random(7));
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.next()).isBetween(MIN, MAX);
    }
  }

  @Test
  void jitterSpreadsWaitsAcrossTheRange() {
    Random random = new Random(3);
    long smallest = Long.MAX_VALUE;
    long largest = 0;
    for (int i = 0; i < 200; i++) {
      Backoff backoff = new Backoff(MIN, MAX, random);
      backoff.next();
      backoff.next();
      backoff.next();
      long wait = backoff.next().toMillis(); // attempt 3: range 100..800 ms
      smallest = Math.min(smallest, wait);
      largest = Math.max(largest, wait);
    }
    assertThat(smallest).isLessThan(250);
    assertThat(largest).isGreaterThan(650).isLessThanOrEqualTo(800);
  }

  @Test
  void sameSeedSameWaits() {
    Backoff a = new Backoff(MIN, MAX, new Random(9));
    Backoff b = new Backoff(MIN, MAX, new Random(9));
    for (int i = 0; i < 10; i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
  }

  @Test
  void resetStartsAgainFromTheFloor() {
    Backoff backoff = new Backoff(MIN, MAX, new Random(5));
    for (int i = 0; i < 8; i++) {
      backoff.next();
    }
    backoff.reset();
    assertThat(backoff.attempts()).isZero();
    assertThat(backoff.next()).isEqualTo(MIN);
  }

  @Test
  void equalBoundsGiveAConstantWait() {
    Backoff backoff = new Backoff(MIN, MIN, new Random(1));
    for (int i = 0; i < 5; i++) {
      assertThat(backoff.next()).isEqualTo(MIN);
    }
  }

  @Test
  void rejectsBadBounds() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, MAX, new Random()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(MAX, MIN, new Random()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
