package dev.kubetty.relay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bench}: measures the relay and prints a table. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run the benchmark.")
final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("bench: not implemented yet");
    return 1;
  }
}
