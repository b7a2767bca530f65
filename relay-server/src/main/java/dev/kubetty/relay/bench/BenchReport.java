package dev.kubetty.relay.bench;

import java.util.List;

/**
 * The outcome of one benchmark run.
 *
 * @param machine where it ran
 * @param measurements the rows, in report order
 * @param seconds wall-clock duration of the run
 */
public record BenchReport(MachineInfo machine, List<Measurement> measurements, double seconds) {
  public BenchReport {
    measurements = List.copyOf(measurements);
  }

  /** Whether every measurement with a goal met it. */
  public boolean allGoalsMet() {
    return measurements.stream().noneMatch(m -> m.verdict().equals("MISS"));
  }
}
