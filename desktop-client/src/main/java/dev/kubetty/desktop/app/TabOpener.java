package dev.kubetty.desktop.app;

import dev.kubetty.desktop.auth.ProjectLogin;
import dev.kubetty.desktop.auth.RelayCredentials;
import dev.kubetty.desktop.kube.ExecTarget;
import dev.kubetty.desktop.kube.ShellOpener;
import dev.kubetty.desktop.projects.Project;
import dev.kubetty.desktop.tabs.TabSpec;
import dev.kubetty.desktop.tabs.TerminalTabModel;
import dev.kubetty.desktop.terminal.ExecTabSession;
import dev.kubetty.desktop.terminal.LocalShellConnector;
import dev.kubetty.desktop.terminal.LocalTabSession;
import dev.kubetty.desktop.terminal.RelayTabSession;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Makes tab models: a relay tab for a project (with that project's login as credentials, or none),
 * a local shell tab, or an exec tab into a Kubernetes container (kubeconfig and shell preference
 * list from the same environment as local shells). No JavaFX: the UI executor is given.
 */
public final class TabOpener {
  private final Function<Project, ProjectLogin> logins;
  private final Executor uiThread;
  private final java.util.Map<String, String> shellEnvironment;
  private final ShellOpener shells;

  /**
   * @param shellEnvironment the environment for local shells and exec tabs (the app's own, or a
   *     test's): {@code SHELL}, {@code HOME}, {@code KUBECONFIG}, {@code KUBETTY_EXEC_SHELLS}
   */
  public TabOpener(
      Function<Project, ProjectLogin> logins,
      Executor uiThread,
      java.util.Map<String, String> shellEnvironment) {
    this.logins = logins;
    this.uiThread = uiThread;
    this.shellEnvironment = java.util.Map.copyOf(shellEnvironment);
    this.shells = new ShellOpener(shellEnvironment);
  }

  /** A tab attached to {@code project}'s relay; it connects when the tabs model opens it. */
  public TerminalTabModel relayTab(Project project) {
    RelayCredentials credentials =
        project.authEnabled() ? logins.apply(project) : RelayCredentials.none();
    RelayTabSession session = new RelayTabSession(project.webSocketUri(), credentials);
    return new TerminalTabModel(TabSpec.relay(project.id()), project.name(), session, uiThread);
  }

  /** A tab with a shell in {@code target}; it opens the exec when the tabs model opens it. */
  public TerminalTabModel execTab(ExecTarget target) {
    return new TerminalTabModel(
        TabSpec.exec(target), execTabName(target), new ExecTabSession(target, shells), uiThread);
  }

  /** {@code pod/container}, or the pod alone. */
  static String execTabName(ExecTarget target) {
    return target.pod() + (target.container() == null ? "" : "/" + target.container());
  }

  /** A tab with a fresh local login shell. */
  public TerminalTabModel localTab() throws IOException {
    LocalShellConnector shell = LocalShellConnector.start(shellEnvironment, 100, 30);
    return new TerminalTabModel(
        TabSpec.local(), "Local shell", new LocalTabSession(shell), uiThread);
  }
}
