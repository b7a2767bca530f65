package dev.kubetty.desktop.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the app keeps its files: {@code $XDG_CONFIG_HOME/kubetty}, else {@code ~/.config/kubetty}.
 * The system property {@code kubetty.config.dir} overrides both (tests, the benchmark, several
 * profiles side by side).
 */
public final class ConfigDirectory {
  private ConfigDirectory() {}

  /** The directory for this process's environment and system properties; not created here. */
  public static Path resolve() {
    return resolve(System.getenv(), System.getProperty("kubetty.config.dir"), userHome());
  }

  /** The directory for the given environment, override (may be null) and home directory. */
  static Path resolve(Map<String, String> env, String override, Path home) {
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "kubetty");
    }
    return home.resolve(".config").resolve("kubetty");
  }

  private static Path userHome() {
    return Path.of(System.getProperty("user.home"));
  }
}
