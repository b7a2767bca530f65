package dev.kubetty.relay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) a process has used so far, from {@code /proc/PID/stat}; resolution one
 * clock tick (10 ms with the usual {@code USER_HZ} of 100).
 */
final class CpuClock {
  private static final double TICKS_PER_SECOND = 100;

  private CpuClock() {}

  static double seconds(long pid) {
    String[] fields = stat(pid);
    return ticks(fields, 11) + ticks(fields, 12);
  }

  /**
   * CPU time of a server that forks a process per connection (PostgreSQL's postmaster): its own,
   * that of its children still running, and that of the children it has reaped.
   */
  static double serverSeconds(long pid) {
    String[] fields = stat(pid);
    double total = ticks(fields, 11) + ticks(fields, 12) + ticks(fields, 13) + ticks(fields, 14);
    for (ProcessHandle child :
        ProcessHandle.of(pid).map(h -> h.children().toList()).orElseThrow()) {
      try {
        total += seconds(child.pid());
      } catch (BenchException e) {
        // the child exited meanwhile: its time moved to the parent's reaped-children fields
      }
    }
    return total;
  }

  private static String[] stat(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      throw new BenchException("cannot read the CPU time of process " + pid + ": " + e, e);
    }
  }

  private static double ticks(String[] fields, int index) {
    return Long.parseLong(fields[index]) / TICKS_PER_SECOND;
  }
}
