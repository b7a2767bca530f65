package dev.kubetty.relay.bench;

import java.util.Locale;

/**
 * Number formatting shared by the table and the JSON report, '.' separator: one decimal from 100,
 * two from 1, up to three below (a ratio of 0.896 must not read as its goal, 0.90).
 */
final class Numbers {
  private Numbers() {}

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 0.01 && magnitude < 1) {
      String three = String.format(Locale.ROOT, "%.3f", value);
      return three.endsWith("0") ? three.substring(0, three.length() - 1) : three;
    }
    String pattern = magnitude >= 100 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.4f";
    return String.format(Locale.ROOT, pattern, value);
  }
}
