package dev.kubetty.desktop.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import dev.kubetty.desktop.kube.ExecSession;
import dev.kubetty.desktop.kube.ExecTarget;
import dev.kubetty.desktop.kube.KubeException;
import dev.kubetty.desktop.kube.KubeProblem;
import dev.kubetty.desktop.kube.ShellOpener;
import dev.kubetty.desktop.tabs.TabAction;
import dev.kubetty.desktop.tabs.TabSession;
import dev.kubetty.desktop.tabs.TabState;
import dev.kubetty.desktop.tabs.TabStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tab with a shell in a Kubernetes container (a TTY exec). One terminal, many execs: when the
 * shell ends the tab stays, says the exit code, and Enter, R or {@link TabAction#RECONNECT} opens a
 * new exec into the same container, its output continuing below the old. Failures (no permission,
 * pod gone or not running, no shell, unreachable cluster, expired credentials) are said in plain
 * words in the terminal and in the tab status, with the same reconnect.
 *
 * <p><b>Threads.</b> Opening a shell runs on a virtual thread; a second one pumps the shell's
 * output into the {@link StreamTtyConnector}. Status changes go to the listener on those threads.
 * Input and resizes come from the emulator's threads.
 */
public final class ExecTabSession implements TabSession {
  private static final Logger log = LoggerFactory.getLogger(ExecTabSession.class);

  private final ExecTarget target;
  private final ShellOpener opener;
  private final StreamTtyConnector connector;
  private final Object lock = new Object();
  private volatile Consumer<TabStatus> listener = status -> {};
  private ShellOpener.OpenShell current;
  private boolean opening;
  private boolean closed;
  private int cols = 100;
  private int rows = 30;

  /** A tab for {@code target}; nothing happens until {@link #start()}. */
  public ExecTabSession(ExecTarget target, ShellOpener opener) {
    this.target = target;
    this.opener = opener;
    this.connector = new StreamTtyConnector(target.label(), new Keyboard());
  }

  /** The container this tab opens shells in. */
  public ExecTarget target() {
    return target;
  }

  @Override
  public TtyConnector connector() {
    return connector;
  }

  @Override
  public void setStatusListener(Consumer<TabStatus> listener) {
    this.listener = listener;
  }

  @Override
  public void start() {
    reconnect();
  }

  @Override
  public void perform(TabAction action) {
    if (action == TabAction.RECONNECT) {
      reconnect();
    }
  }

  /** Opens a new exec unless one is running, ending or opening. */
  public void reconnect() {
    int c;
    int r;
    synchronized (lock) {
      if (closed || opening || current != null) {
        return;
      }
      opening = true;
      c = cols;
      r = rows;
    }
    listener.accept(
        new TabStatus(TabState.CONNECTING, "Opening a shell in " + where() + "…", TabAction.NONE));
    connector.offerText(TerminalNotices.execOpening(where()));
    Thread.ofVirtual().name("exec-open").start(() -> open(c, r));
  }

  private void open(int c, int r) {
    ShellOpener.OpenShell shell;
    try {
      shell = opener.open(target, c, r);
    } catch (RuntimeException e) {
      synchronized (lock) {
        opening = false;
      }
      fail(plain(e), e);
      return;
    }
    synchronized (lock) {
      opening = false;
      if (closed) {
        shell.close();
        return;
      }
      current = shell;
      if (cols != c || rows != r) {
        shell.session().resize(cols, rows);
      }
    }
    ExecSession session = shell.session();
    connector.offerText(
        TerminalNotices.execStarted(session.shell(), where(), skippedShells(session.shell())));
    listener.accept(new TabStatus(TabState.LIVE, "", TabAction.NONE));
    Thread.ofVirtual().name("exec-output").start(() -> pump(shell));
  }

  private void pump(ShellOpener.OpenShell shell) {
    ExecSession session = shell.session();
    // fabric8 ends the output stream when the exec socket closes; closing it after the exit status
    // makes sure the pump never waits for bytes that cannot come.
    session.exitCode().whenComplete((code, error) -> closeSoon(shell));
    byte[] buffer = new byte[8192];
    try (InputStream in = session.output()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (n > 0) {
          connector.offer(Arrays.copyOf(buffer, n));
        }
      }
    } catch (IOException | RuntimeException e) {
      // The stream ended with the connection; the exit status below says how.
    }
    ended(shell);
  }

  private void ended(ShellOpener.OpenShell shell) {
    synchronized (lock) {
      if (closed) {
        shell.close();
        return;
      }
    }
    try {
      int code = shell.session().exitCode().get(10, TimeUnit.SECONDS);
      log.info("event=exec-ended target={} code={}", target.label(), code);
      connector.offerText(TerminalNotices.execEnded(code));
      listener.accept(TabStatus.ended(code));
    } catch (Exception e) {
      fail(plain(e), e);
    } finally {
      shell.close();
      // Only now may Enter or R open the next shell: its notices come after this one's.
      synchronized (lock) {
        if (current == shell) {
          current = null;
        }
      }
    }
  }

  private void fail(String why, Throwable error) {
    log.info("event=exec-failed target={} reason={} causes={}", target.label(), why, causes(error));
    connector.offerText(TerminalNotices.execFailed(why));
    listener.accept(TabStatus.failed(why));
  }

  private static void closeSoon(ShellOpener.OpenShell shell) {
    Thread.ofVirtual()
        .name("exec-close")
        .start(
            () -> {
              try {
                Thread.sleep(500);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              shell.session().close();
            });
  }

  /**
   * The classes of {@code error}'s cause chain, outermost first ({@code
   * KubeException<KubernetesClientException<TimeoutException}): enough to tell a timeout from a
   * refused connection in the log, without the messages, which may quote URLs or server replies.
   */
  private static String causes(Throwable error) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = error; t != null && chain.length() < 300; t = t.getCause()) {
      chain.append(chain.isEmpty() ? "" : "<").append(t.getClass().getSimpleName());
    }
    return chain.toString();
  }

  /** The message for people: a {@link KubeException}'s own, else a short generic one. */
  static String plain(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof KubeException k) {
      if (k.problem() == KubeProblem.NOT_FOUND) {
        return k.getMessage()
            + " It may have been deleted or replaced: open the picker (Ctrl+Shift+K) to choose"
            + " another.";
      }
      return k.getMessage();
    }
    if (t instanceof java.util.concurrent.TimeoutException) {
      return "The cluster did not report how the shell ended.";
    }
    return "Could not open a shell: "
        + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
  }

  private String where() {
    return target.namespace()
        + "/"
        + target.pod()
        + (target.container() == null ? "" : " (container " + target.container() + ")");
  }

  private String skippedShells(String started) {
    int index = opener.shells().indexOf(started);
    return index <= 0 ? "" : String.join(", ", opener.shells().subList(0, index));
  }

  @Override
  public void close() {
    ShellOpener.OpenShell shell;
    synchronized (lock) {
      closed = true;
      shell = current;
      current = null;
    }
    if (shell != null) {
      shell.close();
    }
    connector.close();
  }

  /** Keyboard and size from the terminal: to the shell, or Enter/R to reconnect once it ended. */
  private final class Keyboard implements StreamTtyConnector.Sink {
    @Override
    public void input(byte[] bytes) {
      ExecSession session;
      boolean idle;
      synchronized (lock) {
        session = current == null ? null : current.session();
        idle = !opening && !closed && current == null;
      }
      if (session != null && session.isOpen()) {
        try {
          session.write(bytes);
        } catch (IOException e) {
          // The exec is ending; its exit status or failure is reported by the pump.
        }
      } else if (idle && isReconnectKey(bytes)) {
        reconnect();
      }
    }

    @Override
    public void resize(int newCols, int newRows) {
      if (newCols < 1 || newRows < 1) {
        return;
      }
      int c = Math.min(newCols, 1000);
      int r = Math.min(newRows, 500);
      ExecSession session;
      synchronized (lock) {
        cols = c;
        rows = r;
        session = current == null ? null : current.session();
      }
      if (session != null) {
        session.resize(c, r);
      }
    }
  }

  private static boolean isReconnectKey(byte[] bytes) {
    return bytes.length == 1 && (bytes[0] == '\r' || bytes[0] == 'r' || bytes[0] == 'R');
  }
}
