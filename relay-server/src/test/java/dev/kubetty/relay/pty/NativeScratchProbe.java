package dev.kubetty.relay.pty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Main class for {@link NativeScratchTest}'s child JVM: runs one shell, then prints where pty4j's
 * native library went and how many files that directory held, and exits normally.
 */
final class NativeScratchProbe {
  private NativeScratchProbe() {}

  public static void main(String[] args) throws Exception {
    Path home = Files.createTempDirectory("kubetty-probe-home-");
    try (ShellProcess shell = ShellProcess.start(List.of("/bin/true"), home, 80, 24)) {
      shell.waitFor();
    }
    Files.delete(home);
    Path scratch = Path.of(System.getProperty(NativeScratch.PROPERTY));
    try (Stream<Path> files = Files.walk(scratch)) {
      System.out.println(scratch + " " + files.filter(Files::isRegularFile).count());
    }
  }
}
