package dev.kubetty.desktop.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where pty4j keeps its native library for the desktop app: {@code $XDG_CACHE_HOME/kubetty}, else
 * {@code ~/.cache/kubetty}, one copy per user that every launch reuses (pty4j checks it against the
 * bundled one and replaces it after an upgrade). Left alone, pty4j unpacks a new {@code
 * /tmp/pty4j-…} directory on every launch and never removes it.
 */
final class PtyLibraryCache {
  /** The system property pty4j reads for the parent of its native-library directory. */
  static final String PROPERTY = "pty4j.tmpdir";

  private static final Logger log = LoggerFactory.getLogger(PtyLibraryCache.class);

  private PtyLibraryCache() {}

  /**
   * Points pty4j at the cache directory, creating it, unless {@value #PROPERTY} is set already (an
   * operator's or a test's choice wins). If the directory cannot be made, pty4j keeps its default
   * and local shells still work.
   */
  static void prepare() {
    prepare(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** As {@link #prepare()} for {@code env} and the user's {@code home}. */
  static synchronized void prepare(Map<String, String> env, Path home) {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    Path directory = resolve(env, home);
    try {
      Files.createDirectories(directory);
      System.setProperty(PROPERTY, directory.toString());
    } catch (IOException e) {
      log.warn(
          "pty4j will unpack its native library into /tmp: cannot create {}: {}", directory, e);
    }
  }

  /** The cache directory for {@code env} and the user's {@code home}. */
  static Path resolve(Map<String, String> env, Path home) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "kubetty");
    }
    return home.resolve(".cache").resolve("kubetty");
  }
}
