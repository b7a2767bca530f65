package dev.kubetty.relay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code attach URL}: connects this terminal to a relay's shell. */
@Command(name = "attach", mixinStandardHelpOptions = true, description = "Attach this terminal.")
final class AttachCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("attach: not implemented yet");
    return 1;
  }
}
