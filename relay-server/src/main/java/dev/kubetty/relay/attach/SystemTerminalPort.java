package dev.kubetty.relay.attach;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.Signals;

/**
 * The user's real terminal (JLine system terminal) in raw mode, like {@code cfmakeraw}: no echo, no
 * line editing, no signals from keys (Ctrl-C is a byte for the remote shell), no output processing.
 * {@link #close()} restores the saved attributes; call it on every exit path (a shutdown hook too).
 */
final class SystemTerminalPort implements TerminalPort {
  private final Terminal terminal;
  private final Attributes saved;
  private final InputStream input = new FileInputStream(FileDescriptor.in);
  private final OutputStream output = new FileOutputStream(FileDescriptor.out);
  private final AtomicBoolean closed = new AtomicBoolean();
  private Object previousWinch;

  private SystemTerminalPort(Terminal terminal) {
    this.terminal = terminal;
    this.saved = terminal.getAttributes();
    terminal.setAttributes(rawOf(saved));
  }

  /**
   * The system terminal in raw mode if standard input and output are a terminal, else a {@link
   * StreamPort}.
   */
  static TerminalPort open() throws IOException {
    // JLine's own signal handling would reset SIGINT to its default and skip our shutdown hook.
    Terminal terminal =
        TerminalBuilder.builder().system(true).nativeSignals(false).dumb(true).build();
    if (terminal instanceof DumbTerminal) {
      terminal.close();
      return new StreamPort();
    }
    return new SystemTerminalPort(terminal);
  }

  private static Attributes rawOf(Attributes original) {
    Attributes raw = new Attributes(original);
    raw.setLocalFlags(
        EnumSet.of(
            LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.ECHONL, LocalFlag.ISIG, LocalFlag.IEXTEN),
        false);
    raw.setInputFlags(
        EnumSet.of(
            InputFlag.IGNBRK,
            InputFlag.BRKINT,
            InputFlag.PARMRK,
            InputFlag.ISTRIP,
            InputFlag.INLCR,
            InputFlag.IGNCR,
            InputFlag.ICRNL,
            InputFlag.IXON),
        false);
    raw.setOutputFlag(OutputFlag.OPOST, false);
    raw.setControlChar(ControlChar.VMIN, 1);
    raw.setControlChar(ControlChar.VTIME, 0);
    return raw;
  }

  @Override
  public boolean raw() {
    return true;
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public Size size() {
    org.jline.terminal.Size size = terminal.getSize();
    return new Size(size.getColumns(), size.getRows()).orFallback();
  }

  @Override
  public synchronized void onResize(Runnable listener) {
    previousWinch = Signals.register("WINCH", listener);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (previousWinch != null) {
        Signals.unregister("WINCH", previousWinch);
      }
    }
    terminal.setAttributes(saved);
    try {
      terminal.close();
    } catch (IOException e) {
      // The attributes are already restored; a failing close leaves nothing for the user to fix.
    }
  }
}
