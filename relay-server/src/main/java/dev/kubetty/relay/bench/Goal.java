package dev.kubetty.relay.bench;

/**
 * A target for one measurement: at least or at most {@code limit}.
 *
 * @param atMost true when smaller is better (latency), false when larger is (throughput)
 * @param limit the bound, inclusive, in the measurement's unit
 */
public record Goal(boolean atMost, double limit) {
  public static Goal atLeast(double limit) {
    return new Goal(false, limit);
  }

  public static Goal atMost(double limit) {
    return new Goal(true, limit);
  }

  boolean isMetBy(double value) {
    return atMost ? value <= limit : value >= limit;
  }

  String describe(String unit) {
    String bound = (atMost ? "<= " : ">= ") + Numbers.format(limit);
    return unit.isEmpty() ? bound : bound + " " + unit;
  }
}
