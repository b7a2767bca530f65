package dev.kubetty.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatioIntervalTest {
  @Test
  void samplesWithoutScatterGiveTheRatioItself() {
    RatioInterval interval =
        RatioInterval.of(new double[] {90, 90, 90}, new double[] {100, 100, 100, 100}, 0.95);

    assertEquals(0.9, interval.low(), 1e-12);
    assertEquals(0.9, interval.high(), 1e-12);
    assertEquals("0.90 to 0.90", interval.toString());
  }

  @Test
  void scatteredRunsGiveAnIntervalAroundTheRatioOfMedians() {
    double[] relay = {89, 90, 93, 96, 96, 97, 101, 105, 111, 115, 121};
    double[] local = {89, 90, 92, 99, 104, 115, 143, 147, 147, 148, 148};
    double point = 97.0 / 115;

    RatioInterval interval = RatioInterval.of(relay, local, 0.95);

    assertTrue(interval.low() < point && point < interval.high(), interval.toString());
    assertTrue(interval.low() < 0.75, "a bimodal baseline leaves the ratio uncertain: " + interval);
    assertTrue(interval.high() > 1.0, interval.toString());
    RatioInterval narrower = RatioInterval.of(relay, local, 0.5);
    assertTrue(narrower.low() > interval.low() && narrower.high() < interval.high());
  }

  @Test
  void theSameSamplesAlwaysGiveTheSameInterval() {
    double[] a = {1, 5, 2, 8, 3};
    double[] b = {4, 4, 6, 2, 9};

    assertEquals(RatioInterval.of(a, b, 0.95), RatioInterval.of(a, b, 0.95));
  }

  @Test
  void refusesEmptySamplesAndImpossibleConfidence() {
    double[] some = {1, 2};
    assertThrows(IllegalArgumentException.class, () -> RatioInterval.of(new double[0], some, 0.9));
    assertThrows(IllegalArgumentException.class, () -> RatioInterval.of(some, new double[0], 0.9));
    assertThrows(IllegalArgumentException.class, () -> RatioInterval.of(some, some, 1));
    assertThrows(IllegalArgumentException.class, () -> RatioInterval.of(some, some, 0));
    assertThrows(IllegalArgumentException.class, () -> RatioInterval.of(some, some, Double.NaN));
  }
}
