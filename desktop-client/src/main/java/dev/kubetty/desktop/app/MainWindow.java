package dev.kubetty.desktop.app;

import dev.kubetty.desktop.auth.LoginDialog;
import dev.kubetty.desktop.auth.ProjectLogin;
import dev.kubetty.desktop.auth.TokenStore;
import dev.kubetty.desktop.kube.ClusterBrowser;
import dev.kubetty.desktop.kube.ExecTarget;
import dev.kubetty.desktop.kube.RecentTargets;
import dev.kubetty.desktop.kube.picker.PodPicker;
import dev.kubetty.desktop.kube.picker.PodPickerModel;
import dev.kubetty.desktop.logs.LogsWindow;
import dev.kubetty.desktop.projects.Project;
import dev.kubetty.desktop.projects.ProjectDialog;
import dev.kubetty.desktop.projects.ProjectStore;
import dev.kubetty.desktop.projects.ProjectsModel;
import dev.kubetty.desktop.projects.ProjectsView;
import dev.kubetty.desktop.tabs.OpenTabsStore;
import dev.kubetty.desktop.tabs.TabAction;
import dev.kubetty.desktop.tabs.TabSpec;
import dev.kubetty.desktop.tabs.TabsModel;
import dev.kubetty.desktop.tabs.TabsView;
import dev.kubetty.desktop.tabs.TerminalTabModel;
import dev.kubetty.desktop.terminal.TerminalPane;
import dev.kubetty.desktop.terminal.TerminalSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * The main window: projects sidebar, tabs, shortcuts, and the glue between them (login before a tab
 * on a project that needs one, the banner's actions, the pod picker and its exec tabs, reopening
 * tabs at start). JavaFX thread.
 */
public final class MainWindow {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MainWindow.class);
  private final Stage stage;
  private final LaunchOptions options;
  private final ProjectsModel projects;
  private final TabsModel tabs;
  private final OpenTabsStore openTabs;
  private final TokenStore tokens;
  private final okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
  private final Map<String, ProjectLogin> logins = new HashMap<>();
  private final TabOpener opener;
  private final ProjectsView sidebar;
  private final TabsView tabsView;
  private final Map<String, String> env;
  private final RecentTargets recentTargets;
  private PodPicker picker;
  private float fontSize = TerminalSettings.DEFAULT_SIZE;

  public MainWindow(Stage stage, Path configDir, LaunchOptions options, Map<String, String> env)
      throws IOException {
    this.stage = stage;
    this.options = options;
    this.projects = new ProjectsModel(new ProjectStore(configDir));
    this.tokens = new TokenStore(configDir);
    this.openTabs = new OpenTabsStore(configDir);
    this.tabs = new TabsModel(openTabs);
    this.opener = new TabOpener(this::login, Platform::runLater, env);
    this.env = Map.copyOf(env);
    this.recentTargets = RecentTargets.load(configDir);
    this.sidebar = new ProjectsView(projects, new SidebarActions());
    this.tabsView = new TabsView(tabs, this::terminalPane);
    SplitPane split = new SplitPane(sidebar, tabsView);
    split.setDividerPositions(0.2);
    SplitPane.setResizableWithParent(sidebar, false);
    Scene scene = new Scene(split, 1200, 760);
    scene
        .getStylesheets()
        .add(Objects.requireNonNull(getClass().getResource("app.css")).toExternalForm());
    new Shortcuts(this).install(scene);
    stage.setScene(scene);
    stage.titleProperty().bind(tabs.windowTitle());
    stage.setMinWidth(640);
    stage.setMinHeight(400);
    ErrorDialog.install(stage);
  }

  /** Shows the window, seeds the project given on the command line and reopens the last tabs. */
  public void show() throws IOException {
    stage.show();
    Project seeded = seedProject();
    List<TabSpec> reopen = openTabs.load();
    for (TabSpec spec : reopen) {
      if (spec.isLocal()) {
        openLocalShell();
      } else if (spec.isExec()) {
        tabs.open(opener.execTab(spec.exec()));
      } else if (spec.projectId() != null) {
        projects.find(spec.projectId()).ifPresent(this::open);
      }
    }
    if (seeded != null && tabs.tabs().stream().noneMatch(t -> isFor(t, seeded))) {
      open(seeded);
    }
    dev.kubetty.desktop.bench.BenchProbe.installIfRequested(this);
  }

  public ProjectsModel projects() {
    return projects;
  }

  public TabsModel tabs() {
    return tabs;
  }

  public ProjectsView sidebar() {
    return sidebar;
  }

  public Stage stage() {
    return stage;
  }

  /** Opens a tab on {@code project}, asking for a login first when it needs one and has none. */
  public void open(Project project) {
    if (project.authEnabled() && !login(project).hasTokens()) {
      if (hasSeededCredentials(project)) {
        logInInBackground(project);
        return;
      }
      if (!showLogin(project)) {
        return;
      }
    }
    tabs.open(opener.relayTab(project));
  }

  /** Opens a local shell tab. */
  public void openLocalShell() {
    try {
      tabs.open(opener.localTab());
    } catch (IOException e) {
      ErrorDialog.show(stage, "Cannot start a local shell", e.getMessage());
    }
  }

  /**
   * Shows the pod picker (context, namespace, pod, container); the target chosen opens in a new
   * exec tab and becomes the most recent.
   */
  public void openExecPicker() {
    if (picker != null && picker.stage().isShowing()) {
      picker.stage().toFront();
      return;
    }
    ClusterBrowser browser = new ClusterBrowser(env);
    PodPickerModel model =
        new PodPickerModel(
            browser,
            recentTargets.list(),
            work -> Thread.ofVirtual().name("kube-picker").start(work),
            Platform::runLater);
    picker = new PodPicker(stage, model, this::openExec);
    picker
        .stage()
        .setOnHidden(e -> Thread.ofVirtual().name("kube-picker-close").start(browser::close));
    picker.show();
  }

  /** The pod picker last shown, for tests. */
  public PodPicker picker() {
    return picker;
  }

  /** Opens an exec tab into {@code target} and remembers it as the most recent target. */
  public void openExec(ExecTarget target) {
    tabs.open(opener.execTab(target));
    try {
      recentTargets.remember(target);
    } catch (IOException e) {
      log.warn("event=recent-targets-save-failed error={}", e.getMessage());
    }
  }

  /** The selected tab's terminal pane, if any. */
  public TerminalPane selectedPane() {
    TerminalTabModel tab = tabs.selectedProperty().get();
    return tab == null ? null : (TerminalPane) tabsView.tabOf(tab).getContent();
  }

  /** Changes the selected tab's font size (0 resets); new tabs use the last size chosen. */
  public void zoom(float delta) {
    TerminalPane pane = selectedPane();
    if (pane != null) {
      fontSize = pane.widget().zoom(delta);
    }
  }

  /** Closes every session and login; the open tabs are remembered for the next start. */
  public void shutDown() {
    tabs.shutDown();
    tabsView.disposeAll();
    logins.values().forEach(ProjectLogin::close);
    http.dispatcher().executorService().shutdown();
  }

  private TerminalPane terminalPane(TerminalTabModel tab) {
    TerminalPane pane = new TerminalPane(tab, fontSize, action -> onBannerAction(tab, action));
    tab.statusProperty()
        .addListener(
            (obs, old, now) -> {
              if (now.state() == dev.kubetty.desktop.tabs.TabState.EXITED) {
                tabs.close(tab);
              }
            });
    return pane;
  }

  private void onBannerAction(TerminalTabModel tab, TabAction action) {
    if (action == TabAction.LOG_IN) {
      projects
          .find(tab.spec().projectId())
          .ifPresent(
              p -> {
                if (showLogin(p)) {
                  tab.perform(TabAction.RECONNECT);
                }
              });
    } else {
      tab.perform(action);
    }
  }

  private ProjectLogin login(Project project) {
    return logins.computeIfAbsent(
        project.id(),
        id ->
            new ProjectLogin(
                id,
                new dev.kubetty.protocol.auth.AuthClient(project.baseUri(), http),
                tokens,
                Clock.systemUTC()));
  }

  private boolean showLogin(Project project) {
    LoginDialog dialog =
        new LoginDialog(stage, project.name(), login(project), presetUser(project));
    if (isSeeded(project)) {
      dialog.presetPassword(options.password());
    }
    return Boolean.TRUE.equals(dialog.showAndWait().orElse(false));
  }

  private boolean hasSeededCredentials(Project project) {
    return isSeeded(project) && options.username() != null && options.password() != null;
  }

  /** Logs in with the seeded credentials off the JavaFX thread; the dialog if they fail. */
  private void logInInBackground(Project project) {
    ProjectLogin login = login(project);
    Thread.ofVirtual()
        .name("kubetty-login")
        .start(
            () -> {
              boolean loggedIn;
              try {
                login.logIn(options.username(), options.password());
                loggedIn = true;
              } catch (dev.kubetty.protocol.auth.AuthException e) {
                loggedIn = false;
              }
              boolean ok = loggedIn;
              Platform.runLater(
                  () -> {
                    if (ok || showLogin(project)) {
                      tabs.open(opener.relayTab(project));
                    }
                  });
            });
  }

  private String presetUser(Project project) {
    return isSeeded(project) ? options.username() : null;
  }

  private boolean isSeeded(Project project) {
    return options.projectName() != null && options.projectName().equals(project.name());
  }

  private Project seedProject() {
    if (options.projectName() == null) {
      return null;
    }
    Project existing =
        projects.projects().stream()
            .filter(p -> p.name().equals(options.projectName()))
            .findFirst()
            .orElse(null);
    Project wanted =
        existing == null
            ? Project.create(options.projectName(), options.projectUrl(), options.projectAuth())
            : new Project(
                existing.id(), existing.name(), options.projectUrl(), options.projectAuth());
    try {
      List<String> problems = projects.save(wanted);
      if (!problems.isEmpty()) {
        ErrorDialog.show(stage, "The --project option is not valid", String.join("\n", problems));
        return null;
      }
    } catch (IOException e) {
      ErrorDialog.show(stage, "Cannot save projects", e.getMessage());
      return null;
    }
    return projects.find(wanted.id()).orElse(null);
  }

  private static boolean isFor(TerminalTabModel tab, Project project) {
    return project.id().equals(tab.spec().projectId());
  }

  private final class SidebarActions implements ProjectsView.Actions {
    @Override
    public void open(Project project) {
      MainWindow.this.open(project);
    }

    @Override
    public void add() {
      new ProjectDialog(stage, null, MainWindow.this::saveProject)
          .showAndWait()
          .ifPresent(MainWindow.this::open);
    }

    @Override
    public void edit(Project project) {
      new ProjectDialog(stage, project, MainWindow.this::saveProject).showAndWait();
    }

    @Override
    public void remove(Project project) {
      Alert confirm =
          new Alert(
              Alert.AlertType.CONFIRMATION,
              "Remove \"" + project.name() + "\"? Its open tabs close and its login is forgotten.",
              ButtonType.OK,
              ButtonType.CANCEL);
      confirm.initOwner(stage);
      confirm.setHeaderText("Remove project");
      if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
        return;
      }
      List.copyOf(tabs.tabs()).stream().filter(t -> isFor(t, project)).forEach(tabs::close);
      ProjectLogin login = logins.remove(project.id());
      if (login != null) {
        login.close();
        Thread.ofVirtual().name("kubetty-logout").start(login::logOut);
      }
      try {
        tokens.remove(project.id());
        projects.remove(project.id());
      } catch (IOException e) {
        ErrorDialog.show(stage, "Cannot save projects", e.getMessage());
      }
    }

    @Override
    public void showLogs(Project project) {
      new LogsWindow(stage, project, project.authEnabled() ? login(project) : null).show();
    }

    @Override
    public void logOut(Project project) {
      ProjectLogin login = login(project);
      Thread.ofVirtual().name("kubetty-logout").start(login::logOut);
    }

    @Override
    public void openLocalShell() {
      MainWindow.this.openLocalShell();
    }

    @Override
    public void openExecPicker() {
      MainWindow.this.openExecPicker();
    }
  }

  private List<String> saveProject(Project candidate) {
    try {
      return projects.save(candidate);
    } catch (IOException e) {
      return List.of("Cannot save: " + e.getMessage());
    }
  }
}
