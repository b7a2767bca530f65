package dev.kubetty.relay.pty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ShellProcessTest {
  private static final String HOLDER_PID = "holder.pid";

  @TempDir Path home;

  @Test
  void everyOutputByteArrivesThenReadReportsTheEnd() throws Exception {
    try (ShellProcess shell =
        ShellProcess.start(
            List.of("/bin/sh", "-c", "head -c 300000 /dev/zero | tr '\\0' y; exit 7"),
            home,
            80,
            24)) {
      ByteArrayOutputStream out = readAll(shell);

      byte[] bytes = out.toByteArray();
      assertEquals(300_000, bytes.length);
      for (byte b : bytes) {
        assertEquals('y', b);
      }
      assertEquals(-1, shell.read(new byte[16], 16), "read after the end");
      assertEquals(7, shell.waitFor());
    }
  }

  @Test
  void aShellThatEndsByItselfLeavesNoDescriptorBehind() throws Exception {
    runShellToItsEnd(); // loads what loads once (libraries) before counting
    long before = openDescriptors();
    for (int i = 0; i < 5; i++) {
      runShellToItsEnd();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (openDescriptors() > before && System.nanoTime() < deadline) {
      Thread.sleep(50); // pty4j closes its own descriptors from its reaper thread
    }
    assertEquals(before, openDescriptors());
  }

  @Test
  void destroyEndsABlockedReadEvenWhileABackgroundProcessHoldsTheTerminal() throws Exception {
    ShellProcess shell = startHeldShell();
    try {
      CompletableFuture<Integer> blocked =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return shell.read(new byte[4096], 4096);
                } catch (IOException e) {
                  throw new RuntimeException(e);
                }
              });
      Thread.sleep(200);
      assertTrue(!blocked.isDone(), "the read should block while the terminal is quiet");

      shell.destroy();

      assertEquals(-1, blocked.get(5, TimeUnit.SECONDS));
    } finally {
      shell.destroy();
    }
  }

  @Test
  void aPasteLargerThanTheInputBufferArrivesWhole() throws Exception {
    Path file = home.resolve("pasted");
    String command = "stty raw -echo; echo raw; head -c 200000 > " + file + "; echo stored";
    try (ShellProcess shell = ShellProcess.start(List.of("/bin/sh", "-c", command), home, 80, 24)) {
      awaitOutput(shell, "raw"); // a canonical-mode terminal would cut lines at 4095 bytes
      byte[] paste = new byte[200_000];
      Arrays.fill(paste, (byte) 'p');

      shell.write(paste);

      assertTrue(
          new String(readAll(shell).toByteArray(), StandardCharsets.UTF_8).contains("stored"));
      assertEquals(200_000, Files.size(file));
    }
  }

  @Test
  void destroyEndsAWriteBlockedOnAFullInputBuffer() throws Exception {
    ShellProcess shell = startHeldShell();
    try {
      CompletableFuture<Void> blocked =
          CompletableFuture.runAsync(
              () -> {
                try {
                  shell.write(new byte[1 << 20]); // nobody reads the terminal's input
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      Thread.sleep(200);
      assertTrue(!blocked.isDone(), () -> "the write should block: " + blocked);

      shell.destroy();

      ExecutionException ended =
          assertThrows(ExecutionException.class, () -> blocked.get(5, TimeUnit.SECONDS));
      assertInstanceOf(UncheckedIOException.class, ended.getCause());
    } finally {
      shell.destroy();
    }
  }

  private static void awaitOutput(ShellProcess shell, String text) throws IOException {
    byte[] buffer = new byte[4096];
    StringBuilder seen = new StringBuilder();
    while (!seen.toString().contains(text)) {
      int n = shell.read(buffer, buffer.length);
      assertTrue(n > 0, "output ended early: " + seen);
      seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
    }
  }

  private static ByteArrayOutputStream readAll(ShellProcess shell) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 << 10];
    int n;
    while ((n = shell.read(buffer, buffer.length)) >= 0) {
      out.write(buffer, 0, n);
    }
    return out;
  }

  private void runShellToItsEnd() throws Exception {
    ShellProcess shell = ShellProcess.start(List.of("/bin/sh", "-c", "echo bye"), home, 80, 24);
    readAll(shell);
    shell.waitFor(); // never destroyed: the session lets an exited shell go like this
  }

  private static long openDescriptors() throws IOException {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /**
   * A shell whose terminal stays open after the shell is killed: a background process in a session
   * of its own holds it (and never reads it). Raw mode, so input is not cut into lines.
   */
  private ShellProcess startHeldShell() throws IOException {
    String holder =
        "stty raw -echo; setsid sh -c 'echo $$ > "
            + home.resolve(HOLDER_PID)
            + "; echo held; exec sleep 60' & wait";
    ShellProcess shell = ShellProcess.start(List.of("/bin/sh", "-c", holder), home, 80, 24);
    awaitOutput(shell, "held");
    return shell;
  }

  @AfterEach
  void killHolder() throws IOException {
    Path pidFile = home.resolve(HOLDER_PID);
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
