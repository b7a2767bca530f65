package dev.kubetty.desktop.terminal;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import com.techsenger.jeditermfx.core.ProcessTtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A login shell on a local PTY (pty4j) for a "local shell" tab. The shell is {@code $SHELL -l}
 * (default {@code /bin/bash -l}) with {@code TERM=xterm-256color}, in the user's home directory.
 *
 * <p>Writes go through a fresh array starting at index 0 (pty4j 0.13.12 mishandles an offset).
 */
public final class LocalShellConnector extends ProcessTtyConnector {
  private final PtyProcess process;

  private LocalShellConnector(PtyProcess process, List<String> command) {
    super(process, StandardCharsets.UTF_8, command);
    this.process = process;
  }

  /**
   * Starts the shell.
   *
   * @param environment the process environment (usually {@link System#getenv()})
   * @throws IOException if the shell cannot be started
   */
  public static LocalShellConnector start(Map<String, String> environment, int cols, int rows)
      throws IOException {
    PtyLibraryCache.prepare();
    Map<String, String> env = new HashMap<>(environment);
    env.put("TERM", "xterm-256color");
    env.putIfAbsent("LANG", "C.UTF-8");
    String shell = env.getOrDefault("SHELL", "/bin/bash");
    if (shell.isBlank()) {
      shell = "/bin/bash";
    }
    List<String> command = List.of(shell, "-l");
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    PtyProcess process =
        new PtyProcessBuilder(command.toArray(String[]::new))
            .setEnvironment(env)
            .setDirectory(Path.of(home).toString())
            .setInitialColumns(cols)
            .setInitialRows(rows)
            .start();
    return new LocalShellConnector(process, command);
  }

  /** The shell process; its {@code onExit()} tells when the tab's shell ended. */
  public PtyProcess process() {
    return process;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    super.write(bytes.clone());
  }

  @Override
  public void resize(TermSize size) {
    if (process.isAlive()) {
      process.setWinSize(new WinSize(size.getColumns(), size.getRows()));
    }
  }

  @Override
  public String getName() {
    return "Local shell";
  }
}
