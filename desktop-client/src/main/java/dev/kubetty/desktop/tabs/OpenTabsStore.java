package dev.kubetty.desktop.tabs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kubetty.desktop.app.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tabs that were open, in order, in {@code tabs.json} in the config directory, so the next
 * start reopens them. Not thread-safe (JavaFX thread only).
 */
public final class OpenTabsStore {
  private final Path file;

  public OpenTabsStore(Path configDir) {
    this.file = configDir.resolve("tabs.json");
  }

  /** The saved tabs; empty when none were saved or the file is damaged. */
  public List<TabSpec> load() {
    try {
      return List.copyOf(
          JsonFiles.MAPPER.readValue(
              Files.readAllBytes(file), new TypeReference<List<TabSpec>>() {}));
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      // A damaged file only costs the reopened tabs; start with none.
      return List.of();
    }
  }

  /** Saves {@code tabs} as the open tabs. */
  public void save(List<TabSpec> tabs) throws IOException {
    JsonFiles.write(file, List.copyOf(tabs), false);
  }
}
