package dev.kubetty.relay.exec;

import java.util.List;

/**
 * The container a ticket opens a shell in.
 *
 * @param container {@code null} = the pod's default container
 * @param command the argv to run; empty = bash if the image has it, else sh
 */
public record ExecTarget(String namespace, String pod, String container, List<String> command) {
  /** Runs bash when the image has it, else sh: one exec, no second round trip. */
  static final List<String> DEFAULT_SHELL =
      List.of("sh", "-c", "if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi");

  public ExecTarget {
    command = command == null ? List.of() : List.copyOf(command);
  }

  /** The argv the exec runs. */
  List<String> argv() {
    return command.isEmpty() ? DEFAULT_SHELL : command;
  }

  /** {@code namespace/pod[/container]} for logs and messages. */
  String label() {
    return namespace + "/" + pod + (container == null ? "" : "/" + container);
  }
}
