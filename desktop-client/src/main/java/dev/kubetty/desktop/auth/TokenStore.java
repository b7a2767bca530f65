package dev.kubetty.desktop.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kubetty.desktop.app.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens per project in {@code tokens.json} in the config directory, mode 0600 (only the user can
 * read it; the file is created with that mode before any token is written, and a file found with
 * wider permissions is narrowed on the next write). Thread-safe: every method is synchronized and
 * reads or rewrites the whole (small) file.
 */
public final class TokenStore {
  private final Path file;

  public TokenStore(Path configDir) {
    this.file = configDir.resolve("tokens.json");
  }

  /** The file this store uses. */
  public Path file() {
    return file;
  }

  /** The tokens saved for {@code projectId}, if any. */
  public synchronized Optional<Tokens> get(String projectId) throws IOException {
    return Optional.ofNullable(readAll().get(projectId));
  }

  /** Saves {@code tokens} for {@code projectId}, replacing earlier ones. */
  public synchronized void put(String projectId, Tokens tokens) throws IOException {
    Map<String, Tokens> all = readAll();
    all.put(projectId, tokens);
    JsonFiles.write(file, all, true);
  }

  /** Forgets {@code projectId}'s tokens (logout, project removed). */
  public synchronized void remove(String projectId) throws IOException {
    Map<String, Tokens> all = readAll();
    if (all.remove(projectId) != null) {
      JsonFiles.write(file, all, true);
    }
  }

  /** Whether the file, if there is one, is readable by its owner only. */
  public synchronized boolean isPrivate() throws IOException {
    return !Files.exists(file)
        || PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).equals("rw-------");
  }

  private Map<String, Tokens> readAll() throws IOException {
    try {
      return new HashMap<>(
          JsonFiles.MAPPER.readValue(
              Files.readAllBytes(file), new TypeReference<Map<String, Tokens>>() {}));
    } catch (NoSuchFileException e) {
      return new HashMap<>();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      // A damaged token file only means logging in again; never show its content.
      return new HashMap<>();
    }
  }
}
