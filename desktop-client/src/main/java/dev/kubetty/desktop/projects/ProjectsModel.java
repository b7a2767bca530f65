package dev.kubetty.desktop.projects;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The project list the sidebar shows, with the commands that change it. Every successful command is
 * saved at once. Runs on the JavaFX thread in the app; needs no running toolkit (tests use it
 * directly).
 */
public final class ProjectsModel {
  private final ProjectStore store;
  private final ObservableList<Project> projects = FXCollections.observableArrayList();
  private final ObservableList<Project> readOnlyProjects =
      FXCollections.unmodifiableObservableList(projects);

  /** Loads the saved projects from {@code store}. */
  public ProjectsModel(ProjectStore store) throws IOException {
    this.store = store;
    projects.setAll(store.load());
  }

  /** The projects, read-only, in saved order. */
  public ObservableList<Project> projects() {
    return readOnlyProjects;
  }

  /** The project with {@code id}, if any. */
  public Optional<Project> find(String id) {
    return projects.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * Adds {@code project}, or replaces the one with the same id. Returns the problems that stopped
   * it (nothing saved) or an empty list.
   *
   * @throws IOException if the file cannot be written (the list is left unchanged)
   */
  public List<String> save(Project project) throws IOException {
    List<String> problems = ProjectValidator.problems(project, projects);
    if (!problems.isEmpty()) {
      return problems;
    }
    Project clean =
        new Project(
            project.id(),
            project.name().strip(),
            project.relayUrl().strip(),
            project.authEnabled());
    List<Project> next = new java.util.ArrayList<>(projects);
    int index = indexOf(project.id());
    if (index >= 0) {
      next.set(index, clean);
    } else {
      next.add(clean);
    }
    store.save(next);
    projects.setAll(next);
    return List.of();
  }

  /** Removes the project with {@code id}; returns whether there was one. */
  public boolean remove(String id) throws IOException {
    int index = indexOf(id);
    if (index < 0) {
      return false;
    }
    List<Project> next = new java.util.ArrayList<>(projects);
    next.remove(index);
    store.save(next);
    projects.setAll(next);
    return true;
  }

  private int indexOf(String id) {
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
