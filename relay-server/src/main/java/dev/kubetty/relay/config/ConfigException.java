package dev.kubetty.relay.config;

/**
 * A configuration value that stops start-up. Its message is one line that names the environment
 * variable and says how to fix it; it never contains a secret.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String variable;

  /** Creates an exception about {@code variable}. */
  public ConfigException(String variable, String problem) {
    super(variable + ": " + problem);
    this.variable = variable;
  }

  /** The environment variable at fault. */
  public String variable() {
    return variable;
  }
}
