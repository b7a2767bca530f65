package dev.kubetty.desktop.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtyLibraryCacheTest {
  @TempDir Path temp;

  @Test
  void theCacheFollowsXdgElseTheHomeDirectory() {
    Path home = Path.of("/home/ada");

    assertThat(PtyLibraryCache.resolve(Map.of("XDG_CACHE_HOME", "/var/cache/ada"), home))
        .isEqualTo(Path.of("/var/cache/ada/kubetty"));
    assertThat(PtyLibraryCache.resolve(Map.of(), home))
        .isEqualTo(Path.of("/home/ada/.cache/kubetty"));
    assertThat(PtyLibraryCache.resolve(Map.of("XDG_CACHE_HOME", "relative"), home))
        .as("a relative XDG path is ignored, as the XDG spec says")
        .isEqualTo(Path.of("/home/ada/.cache/kubetty"));
  }

  @Test
  void aLocalShellPutsTheLibraryInTheCacheAndATwiceLaunchedAppReusesIt() throws Exception {
    Path cache = temp.resolve("cache");

    runProbe(cache);
    Path library = cache.resolve("kubetty/pty4j-linux-x86-64/libpty.so");
    assertThat(library).isRegularFile();
    long modified = Files.getLastModifiedTime(library).toMillis();
    runProbe(cache);

    assertThat(Files.getLastModifiedTime(library).toMillis())
        .as("not unpacked again")
        .isEqualTo(modified);
    try (var left = Files.list(temp.resolve("tmp"))) {
      assertThat(left.toList()).as("nothing unpacked into the JVM's temporary directory").isEmpty();
    }
  }

  /** Runs {@link PtyLibraryCacheProbe} in a child JVM with {@code XDG_CACHE_HOME=cache}. */
  private void runProbe(Path cache) throws Exception {
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Djava.io.tmpdir=" + tmp);
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(PtyLibraryCacheProbe.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    builder.environment().put("SHELL", "/bin/sh");
    Process child = builder.start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
  }
}
