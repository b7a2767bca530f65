package dev.kubetty.relay.bench;

import dev.kubetty.relay.pty.ShellProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An interactive bash on a local PTY, read by a thread of its own like the relay's: the floor for
 * keystroke echo latency on this machine, with no relay or network in between.
 */
final class LocalShell implements Keyboard, AutoCloseable {
  private final ShellProcess shell;
  private final Thread reader;
  private volatile OutputTap tap = OutputTap.NONE;

  private LocalShell(ShellProcess shell) {
    this.shell = shell;
    this.reader = Thread.ofPlatform().daemon().name("local-shell-reader").start(this::read);
  }

  /** Starts {@code bash -l} in {@code home}, as the relay starts its shell. */
  static LocalShell start(Path home) throws IOException {
    return new LocalShell(
        ShellProcess.start(List.of("/bin/bash", "-l"), home, BenchClient.COLS, BenchClient.ROWS));
  }

  @Override
  public void tap(OutputTap newTap) {
    this.tap = newTap;
  }

  @Override
  public void send(byte[] bytes) {
    try {
      shell.write(bytes);
    } catch (IOException e) {
      throw new BenchException("local shell refused input: " + e.getMessage(), e);
    }
  }

  private void read() {
    byte[] buffer = new byte[64 << 10];
    try {
      int n;
      while ((n = shell.read(buffer, buffer.length)) >= 0) {
        tap.accept(System.nanoTime(), buffer, n);
      }
    } catch (IOException e) {
      // the shell is gone
    }
  }

  @Override
  public void close() throws InterruptedException {
    shell.destroy();
    reader.join(2_000);
  }
}
