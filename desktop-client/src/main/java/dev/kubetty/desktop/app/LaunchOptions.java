package dev.kubetty.desktop.app;

import java.util.Map;
import java.util.Optional;

/**
 * Command-line options of {@code kubetty-desktop}.
 *
 * <pre>
 *   --project NAME=URL   make sure a project NAME with relay URL exists (added or updated) and open it
 *   --no-auth            the --project relay needs no login
 * </pre>
 *
 * Credentials for that project come from the environment, never from the command line: {@code
 * KUBETTY_USERNAME} and {@code KUBETTY_PASSWORD}; with both set the app logs in by itself.
 *
 * @param projectName the seeded project's name, or null
 * @param projectUrl its relay URL, or null
 * @param projectAuth whether it asks for a login
 * @param username login user for it, or null
 * @param password login password for it, or null (never logged)
 */
public record LaunchOptions(
    String projectName, String projectUrl, boolean projectAuth, String username, String password) {

  /** No options. */
  public static LaunchOptions none() {
    return new LaunchOptions(null, null, true, null, null);
  }

  /**
   * Parses {@code args} and reads credentials from {@code env}.
   *
   * @throws IllegalArgumentException with a sentence for people on a bad argument
   */
  public static LaunchOptions parse(String[] args, Map<String, String> env) {
    String name = null;
    String url = null;
    boolean auth = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--project" -> {
          if (i + 1 >= args.length || !args[i + 1].contains("=")) {
            throw new IllegalArgumentException("--project needs NAME=URL");
          }
          String value = args[++i];
          int eq = value.lastIndexOf('=');
          name = value.substring(0, eq).strip();
          url = value.substring(eq + 1).strip();
        }
        case "--no-auth" -> auth = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new LaunchOptions(
        name,
        url,
        auth,
        blankToNull(env.get("KUBETTY_USERNAME")),
        blankToNull(env.get("KUBETTY_PASSWORD")));
  }

  /** The seeded project's name and URL, when {@code --project} was given. */
  public Optional<String[]> seededProject() {
    return projectName == null
        ? Optional.empty()
        : Optional.of(new String[] {projectName, projectUrl});
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "LaunchOptions[project="
        + projectName
        + ", url="
        + projectUrl
        + ", auth="
        + projectAuth
        + ", username="
        + username
        + ", password="
        + (password == null ? "none" : "<hidden>")
        + "]";
  }
}
