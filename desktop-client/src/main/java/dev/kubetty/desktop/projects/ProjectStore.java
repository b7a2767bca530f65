package dev.kubetty.desktop.projects;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kubetty.desktop.app.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The saved projects, in {@code projects.json} in the config directory:
 *
 * <pre>{"version":1,"projects":[{"id","name","relayUrl","authEnabled"}]}</pre>
 *
 * Not thread-safe; the app reads it at start and writes it after each change.
 */
public final class ProjectStore {
  private final Path file;

  /** A store for {@code configDir/projects.json}. */
  public ProjectStore(Path configDir) {
    this.file = configDir.resolve("projects.json");
  }

  /** The file this store reads and writes. */
  public Path file() {
    return file;
  }

  /**
   * The saved projects, in the saved order; empty when there is no file yet.
   *
   * @throws IOException if the file cannot be read or is not a projects file
   */
  public List<Project> load() throws IOException {
    try {
      byte[] bytes = Files.readAllBytes(file);
      ProjectsFile saved = JsonFiles.MAPPER.readValue(bytes, new TypeReference<ProjectsFile>() {});
      return saved.projects() == null ? List.of() : List.copyOf(saved.projects());
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(file + " is not a valid projects file: " + e.getOriginalMessage(), e);
    }
  }

  /** Replaces the saved projects with {@code projects}. */
  public void save(List<Project> projects) throws IOException {
    JsonFiles.write(file, new ProjectsFile(1, List.copyOf(projects)), false);
  }

  /** The file's shape. */
  record ProjectsFile(int version, List<Project> projects) {}
}
