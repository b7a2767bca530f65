package dev.kubetty.relay.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A percentile-bootstrap interval for the ratio of two samples' medians: resample each set of runs
 * with replacement, take the ratio of the resampled medians, many times, and keep the middle {@code
 * confidence} of those ratios. It shows how far a verdict on a ratio of medians can be trusted when
 * both paths' runs scatter (on a small VM the PTY alone swings by half from run to run).
 * Deterministic: the same samples always give the same interval.
 *
 * @param low the lower end
 * @param high the upper end
 */
record RatioInterval(double low, double high) {
  private static final int RESAMPLES = 10_000;
  private static final long SEED = 0x6b75626574747931L;

  /**
   * The interval holding the middle {@code confidence} (in (0, 1)) of bootstrapped {@code
   * median(numerator) / median(denominator)}.
   *
   * @throws IllegalArgumentException if a sample set is empty or the confidence is out of range
   */
  static RatioInterval of(double[] numerator, double[] denominator, double confidence) {
    if (numerator.length == 0 || denominator.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    SplittableRandom random = new SplittableRandom(SEED);
    double[] ratios = new double[RESAMPLES];
    double[] top = new double[numerator.length];
    double[] bottom = new double[denominator.length];
    for (int i = 0; i < RESAMPLES; i++) {
      ratios[i] =
          resample(numerator, top, random).median()
              / resample(denominator, bottom, random).median();
    }
    Arrays.sort(ratios);
    double tail = (1 - confidence) / 2;
    int low = (int) Math.floor(tail * RESAMPLES);
    int high = (int) Math.ceil((1 - tail) * RESAMPLES) - 1;
    return new RatioInterval(ratios[low], ratios[high]);
  }

  /** "0.851 to 1.04", formatted as the report's other figures are. */
  @Override
  public String toString() {
    return Numbers.format(low) + " to " + Numbers.format(high);
  }

  private static Percentiles resample(double[] samples, double[] into, SplittableRandom random) {
    for (int i = 0; i < into.length; i++) {
      into[i] = samples[random.nextInt(samples.length)];
    }
    return new Percentiles(into);
  }
}
