package dev.kubetty.relay.bench;

import java.util.Locale;

/** Number formatting shared by the table and the JSON report: up to 2 decimals, '.' separator. */
final class Numbers {
  private Numbers() {}

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 100 ? "%.1f" : magnitude >= 0.01 ? "%.2f" : "%.4f";
    return String.format(Locale.ROOT, pattern, value);
  }
}
