package dev.kubetty.relay.bench;

import java.util.List;
import java.util.Objects;

/**
 * What one benchmark run does.
 *
 * @param megabytes output per throughput run, in MB (10^6 bytes)
 * @param runs throughput runs per path (local and relay); the median is reported
 * @param keys timed keystrokes for the echo latency
 * @param resumes timed reconnects for the resume latency
 * @param relayCommand the command line that starts a relay ({@code … serve})
 * @param compression whether the client offers permessage-deflate (OkHttp's default, true)
 * @param payload what the throughput runs print
 */
public record BenchOptions(
    int megabytes,
    int runs,
    int keys,
    int resumes,
    List<String> relayCommand,
    boolean compression,
    Payload payload) {
  public BenchOptions {
    Objects.requireNonNull(payload, "payload");
    positive("megabytes", megabytes);
    positive("runs", runs);
    positive("keys", keys);
    positive("resumes", resumes);
    relayCommand = List.copyOf(relayCommand);
  }

  long bytes() {
    return megabytes * 1_000_000L;
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
