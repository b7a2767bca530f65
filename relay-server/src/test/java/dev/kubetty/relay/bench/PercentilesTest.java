package dev.kubetty.relay.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  private static final double[] ONE_TO_HUNDRED =
      IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray();

  @Test
  void nearestRankOverUnsortedSamples() {
    Percentiles p = new Percentiles(ONE_TO_HUNDRED);
    assertThat(p.at(50)).isEqualTo(50);
    assertThat(p.at(99)).isEqualTo(99);
    assertThat(p.at(100)).isEqualTo(100);
    assertThat(p.at(0.5)).isEqualTo(1);
    assertThat(p.max()).isEqualTo(100);
  }

  @Test
  void p99OfAThousandIsThe990th() {
    double[] samples = IntStream.range(0, 1000).mapToDouble(i -> i).toArray();
    assertThat(new Percentiles(samples).at(99)).isEqualTo(989);
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(new Percentiles(new double[] {3, 1, 2}).median()).isEqualTo(2);
    assertThat(new Percentiles(new double[] {4, 1, 3, 2}).median()).isEqualTo(2.5);
  }

  @Test
  void listsSortedSamples() {
    assertThat(new Percentiles(new double[] {80.5, 70, 90.25}).list()).isEqualTo("70 80.50 90.25");
  }

  @Test
  void rejectsNoSamplesAndBadPercentiles() {
    assertThatThrownBy(() -> new Percentiles(new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Percentiles(new double[] {1}).at(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void doesNotKeepTheCallersArray() {
    double[] samples = {1, 2, 3};
    Percentiles p = new Percentiles(samples);
    samples[2] = 1000;
    assertThat(p.max()).isEqualTo(3);
  }
}
