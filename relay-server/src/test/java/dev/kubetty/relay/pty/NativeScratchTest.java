package dev.kubetty.relay.pty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubetty.relay.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class NativeScratchTest {
  @TempDir Path temp;

  @Test
  void aJvmThatRanAShellLeavesNoNativeLibraryBehind() throws Exception {
    Process child =
        new ProcessBuilder(
                ChildJvm.command(
                    List.of("-Djava.io.tmpdir=" + temp), NativeScratchProbe.class.getName()))
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, child.exitValue(), output);

    String[] last = output.strip().lines().reduce((a, b) -> b).orElseThrow().split(" ");
    Path scratch = Path.of(last[0]);
    assertEquals(temp, scratch.getParent(), "under java.io.tmpdir: " + output);
    assertTrue(Integer.parseInt(last[1]) > 0, "the library was unpacked there: " + output);
    assertFalse(Files.exists(scratch), "removed at exit: " + scratch);
    try (var left = Files.list(temp)) {
      assertEquals(List.of(), left.toList(), "nothing else left in the temporary directory");
    }
  }

  @Test
  void deleteTreeRemovesNestedFilesAndToleratesAMissingRoot() throws IOException {
    Path root = temp.resolve("tree");
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/b/lib.so"), "x");
    Files.writeString(root.resolve("top"), "y");

    NativeScratch.deleteTree(root);
    assertFalse(Files.exists(root));
    NativeScratch.deleteTree(root); // nothing there any more: no exception
  }
}
