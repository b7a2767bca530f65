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
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      throw new BenchException("cannot read the CPU time of process " + pid + ": " + e, e);
    }
  }
}
