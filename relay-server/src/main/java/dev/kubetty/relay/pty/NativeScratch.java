package dev.kubetty.relay.pty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives pty4j a directory of this process's own to unpack its native library into, and removes it
 * when the JVM exits. Left alone, pty4j makes a new {@code /tmp/pty4j-…} directory per JVM and
 * never removes it (it marks the directory delete-on-exit, which fails while the library is in it):
 * a relay that restarts, a test run or a benchmark leaves one behind every time.
 */
public final class NativeScratch {
  /** The system property pty4j reads for the parent of its native-library directory. */
  static final String PROPERTY = "pty4j.tmpdir";

  private static final Logger log = LoggerFactory.getLogger(NativeScratch.class);
  private static boolean prepared;

  private NativeScratch() {}

  /**
   * Points pty4j at a fresh directory removed at JVM exit, unless {@value #PROPERTY} is set already
   * (an operator's choice wins). Call before the first PTY is started; later calls do nothing. If
   * the directory cannot be made, pty4j keeps its default and the PTY still works.
   */
  public static synchronized void prepare() {
    if (prepared || System.getProperty(PROPERTY) != null) {
      prepared = true;
      return;
    }
    prepared = true;
    try {
      Path directory = Files.createTempDirectory("kubetty-pty4j-");
      System.setProperty(PROPERTY, directory.toString());
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> deleteTree(directory), "pty4j-scratch-cleanup"));
    } catch (IOException | SecurityException e) {
      log.warn("pty4j will unpack its native library into its own temporary directory: {}", e);
    }
  }

  /** Deletes {@code root} and everything under it; what cannot be deleted stays, silently. */
  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(NativeScratch::deleteQuietly);
    } catch (IOException e) {
      // already gone, or unreadable: nothing more to do at exit
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a file still in use elsewhere stays; the rest of the tree is still removed
    }
  }
}
