package dev.kubetty.relay.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The first user of a fresh installation, so that a local run comes up with authentication on: when
 * no user exists yet, creates {@code username} with a random 20-character password and saves the
 * credentials to a file only the current user can read (mode 0600), for the desktop app and for the
 * person to read once.
 */
public final class FirstUser {
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private FirstUser() {}

  /** What was created. {@link #toString} hides the password. */
  public record Credentials(String username, String password, Path file) {
    @Override
    public String toString() {
      return "Credentials[username=" + username + ", file=" + file + "]";
    }
  }

  /**
   * Creates the user and writes {@code file} if there are no users; empty if there already are.
   *
   * @throws IOException if the credentials file cannot be written (the user is then not created)
   */
  public static Optional<Credentials> createIfNone(UserAdmin users, String username, Path file)
      throws IOException {
    if (users.hasUsers()) {
      return Optional.empty();
    }
    String password = password();
    write(file, "username=" + username + "\npassword=" + password + "\n");
    try {
      users.create(username, password);
    } catch (RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return Optional.of(new Credentials(username, password, file));
  }

  private static String password() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  private static void write(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp =
        Files.createTempFile(
            parent,
            ".credentials",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
