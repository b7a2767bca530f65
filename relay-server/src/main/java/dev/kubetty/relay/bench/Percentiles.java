package dev.kubetty.relay.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of samples. Immutable. */
final class Percentiles {
  private final double[] sorted;

  Percentiles(double[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    this.sorted = samples.clone();
    Arrays.sort(sorted);
  }

  /** The smallest sample with at least {@code p} percent of all samples at or below it. */
  double at(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** The middle sample; for an even count the mean of the two middle ones. */
  double median() {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  double max() {
    return sorted[sorted.length - 1];
  }

  /** The samples in ascending order, formatted, for notes such as "median of 3: 80 82 85". */
  String list() {
    StringBuilder out = new StringBuilder();
    for (double sample : sorted) {
      out.append(out.isEmpty() ? "" : " ").append(Numbers.format(sample));
    }
    return out.toString();
  }
}
