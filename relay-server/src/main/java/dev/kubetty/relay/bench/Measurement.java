package dev.kubetty.relay.bench;

import java.util.Objects;

/**
 * One row of the report.
 *
 * @param name what was measured
 * @param value the reported figure
 * @param unit its unit ("MB/s", "ms", "MiB", or "" for a ratio)
 * @param goal the target, or {@code null} when the figure is informative only
 * @param note how the figure was obtained (e.g. "median of 3: …"), may be empty
 */
public record Measurement(String name, double value, String unit, Goal goal, String note) {
  public Measurement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(note, "note");
  }

  /** {@code PASS}, {@code MISS}, or {@code info} when there is no goal. */
  public String verdict() {
    if (goal == null) {
      return "info";
    }
    return goal.isMetBy(value) ? "PASS" : "MISS";
  }

  String goalText() {
    return goal == null ? "-" : goal.describe(unit);
  }

  String valueText() {
    return unit.isEmpty() ? Numbers.format(value) : Numbers.format(value) + " " + unit;
  }
}
