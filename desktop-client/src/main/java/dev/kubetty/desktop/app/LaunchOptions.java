package dev.kubetty.desktop.app;

import java.util.Map;
import java.util.Optional;

/**
 * Command-line options of {@code kubetty-desktop}.
 *
 * <pre>
 *   --project NAME=URL   make sure a project NAME with relay URL exists (added or updated) and open it
 *   --no-auth            the --project relay needs no login
 *   --credentials-file F log in to the --project relay with the username= and password= lines of F
 *                        (the file {@code kubetty-relay serve --first-user} writes)
 * </pre>
 *
 * Credentials never come from the command line itself: from that file, or from the environment
 * ({@code KUBETTY_USERNAME} and {@code KUBETTY_PASSWORD}). With both the app logs in by itself.
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
    String username = blankToNull(env.get("KUBETTY_USERNAME"));
    String password = blankToNull(env.get("KUBETTY_PASSWORD"));
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
        case "--credentials-file" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--credentials-file needs a file");
          }
          String[] read = readCredentials(java.nio.file.Path.of(args[++i]));
          username = read[0];
          password = read[1];
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new LaunchOptions(name, url, auth, username, password);
  }

  /** The seeded project's name and URL, when {@code --project} was given. */
  public Optional<String[]> seededProject() {
    return projectName == null
        ? Optional.empty()
        : Optional.of(new String[] {projectName, projectUrl});
  }

  private static String[] readCredentials(java.nio.file.Path file) {
    String user = null;
    String pass = null;
    try {
      for (String line : java.nio.file.Files.readAllLines(file)) {
        if (line.startsWith("username=")) {
          user = line.substring("username=".length()).strip();
        } else if (line.startsWith("password=")) {
          pass = line.substring("password=".length());
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    if (user == null || pass == null) {
      throw new IllegalArgumentException(file + " has no username= and password= lines");
    }
    return new String[] {user, pass};
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
