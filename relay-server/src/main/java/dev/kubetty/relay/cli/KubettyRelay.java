package dev.kubetty.relay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kubetty-relay.jar} command line: {@code serve} runs the relay; other subcommands are
 * tools that talk to it. Exit codes: 0 success, 1 runtime failure, 2 usage or configuration error
 * (and {@code users}: 3 user exists, 4 no such user).
 */
@Command(
    name = "kubetty-relay",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "KubeTTY relay: one persistent shell, attachable over WebSocket.",
    subcommands = {
      ServeCommand.class,
      AttachCommand.class,
      BenchCommand.class,
      UsersCommand.class,
      CommandLine.HelpCommand.class
    })
public final class KubettyRelay implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Entry point of the executable jar. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new KubettyRelay())
        // A mapper also sees usage errors; keep them at 2 as documented above.
        .setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }
}
