package dev.kubetty.desktop.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import dev.kubetty.desktop.tabs.TabAction;
import dev.kubetty.desktop.tabs.TabSession;
import dev.kubetty.desktop.tabs.TabState;
import dev.kubetty.desktop.tabs.TabStatus;
import java.util.function.Consumer;

/** A tab running a local login shell; live from the start, {@code EXITED} when the shell ends. */
public final class LocalTabSession implements TabSession {
  private final LocalShellConnector shell;
  private volatile Consumer<TabStatus> listener = status -> {};

  public LocalTabSession(LocalShellConnector shell) {
    this.shell = shell;
  }

  @Override
  public TtyConnector connector() {
    return shell;
  }

  @Override
  public void setStatusListener(Consumer<TabStatus> listener) {
    this.listener = listener;
  }

  @Override
  public void start() {
    listener.accept(new TabStatus(TabState.LIVE, "", TabAction.NONE));
    shell.process().onExit().thenAccept(p -> listener.accept(TabStatus.exited(p.exitValue())));
  }

  @Override
  public void perform(TabAction action) {
    // A local shell offers no actions: when it ends, the tab closes.
  }

  @Override
  public void close() {
    if (shell.process().isAlive()) {
      shell.process().destroy();
    }
    shell.close();
  }
}
