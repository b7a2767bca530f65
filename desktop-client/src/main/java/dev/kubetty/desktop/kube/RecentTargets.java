package dev.kubetty.desktop.kube;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exec targets the user opened most recently, newest first, at most {@link #LIMIT}, kept in
 * {@code $XDG_CONFIG_HOME/kubetty/recent-exec-targets.json} (else {@code ~/.config/kubetty/…}).
 * Only names are stored (context, namespace, pod, container), never credentials.
 *
 * <p>Not thread-safe: use from one thread (the UI's). A missing or corrupt file reads as empty.
 */
public final class RecentTargets {
  /** How many targets are remembered. */
  public static final int LIMIT = 12;

  private static final Logger log = LoggerFactory.getLogger(RecentTargets.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final List<ExecTarget> targets;

  private RecentTargets(Path file, List<ExecTarget> targets) {
    this.file = file;
    this.targets = targets;
  }

  /** KubeTTY's configuration directory for this environment. */
  public static Path configDirectory(Map<String, String> env) {
    String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
    if (!xdg.isBlank()) {
      return Path.of(xdg, "kubetty");
    }
    return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config", "kubetty");
  }

  /** Reads the list kept in {@code configDirectory}. */
  public static RecentTargets load(Path configDirectory) {
    Path file = configDirectory.resolve("recent-exec-targets.json");
    List<ExecTarget> targets = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      try {
        targets.addAll(JSON.readValue(file.toFile(), new TypeReference<List<ExecTarget>>() {}));
      } catch (IOException | RuntimeException e) {
        // A damaged history is not worth an error dialog: start a new one.
        log.warn("event=recent-targets-unreadable file={} error={}", file, e.toString());
      }
    }
    return new RecentTargets(file, targets);
  }

  /** Newest first. */
  public List<ExecTarget> list() {
    return List.copyOf(targets);
  }

  /**
   * Puts {@code target} first (moving it if it was there) and saves the file.
   *
   * @throws IOException if the file cannot be written
   */
  public void remember(ExecTarget target) throws IOException {
    targets.remove(target);
    targets.addFirst(target);
    while (targets.size() > LIMIT) {
      targets.removeLast();
    }
    save();
  }

  /** Removes {@code target} (e.g. a pod that is gone) and saves the file. */
  public void forget(ExecTarget target) throws IOException {
    if (targets.remove(target)) {
      save();
    }
  }

  private void save() throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), targets);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
