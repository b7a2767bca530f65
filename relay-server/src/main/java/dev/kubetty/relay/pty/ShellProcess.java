package dev.kubetty.relay.pty;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import com.pty4j.unix.UnixPtyProcess;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One shell process on a pseudo-terminal (pty4j).
 *
 * <p>Threads: {@link #read} is called by one reader thread; {@link #write} by one writer at a time
 * (callers serialise); {@link #resize} and {@link #destroy} from any thread.
 */
public final class ShellProcess implements AutoCloseable {
  private final PtyProcess process;
  private final PtyMaster master;

  private ShellProcess(PtyProcess process, PtyMaster master) {
    this.process = process;
    this.master = master;
  }

  /**
   * Starts {@code command} on a new PTY of the given size with {@code TERM=xterm-256color}, in
   * {@code directory}, which is also its {@code HOME} (the relay's configured home: the login shell
   * reads its profile from there).
   *
   * @throws IOException if the command cannot be started
   */
  public static ShellProcess start(List<String> command, Path directory, int cols, int rows)
      throws IOException {
    NativeScratch.prepare();
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TERM", "xterm-256color");
    env.put("COLORTERM", "truecolor");
    env.putIfAbsent("LANG", "C.UTF-8");
    env.put("HOME", directory.toString());
    PtyProcess process =
        new PtyProcessBuilder(command.toArray(String[]::new))
            .setEnvironment(env)
            .setDirectory(directory.toString())
            .setInitialColumns(cols)
            .setInitialRows(rows)
            .setRedirectErrorStream(true)
            .start();
    try {
      return new ShellProcess(process, new PtyMaster(masterFd(process)));
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static int masterFd(PtyProcess process) throws IOException {
    if (process instanceof UnixPtyProcess unix) {
      return unix.getPty().getMasterFD();
    }
    throw new IOException("the relay runs shells on Unix PTYs only");
  }

  /**
   * Reads output into {@code buffer[0..max)}; blocks until some is available.
   *
   * @return the number of bytes read, or -1 once the shell has exited and its output is drained
   */
  public int read(byte[] buffer, int max) throws IOException {
    return master.read(buffer, max);
  }

  /** Writes input bytes for the shell; blocks while the PTY's input buffer is full. */
  public void write(byte[] bytes) throws IOException {
    master.write(bytes);
  }

  /** Sets the terminal size; the foreground program gets SIGWINCH. */
  public void resize(int cols, int rows) {
    if (process.isAlive()) {
      process.setWinSize(new WinSize(cols, rows));
    }
  }

  /** The process id of the shell. */
  public long pid() {
    return process.pid();
  }

  /**
   * Waits for the shell to exit and returns its exit code; then lets go of pty4j's own descriptors
   * for the terminal (its streams, unused here, hold them until closed).
   */
  public int waitFor() throws InterruptedException {
    int code = process.waitFor();
    closeQuietly(process.getInputStream());
    closeQuietly(process.getOutputStream());
    closeQuietly(process.getErrorStream());
    return code;
  }

  private static void closeQuietly(Closeable stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // already closed, or the descriptor is gone with the process: nothing to release
    }
  }

  /**
   * Kills the shell and its process group, and ends a blocked {@link #read} even if a background
   * process still holds the terminal.
   */
  public void destroy() {
    process.destroyForcibly();
    master.close();
  }

  @Override
  public void close() {
    destroy();
  }
}
