package dev.kubetty.desktop.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectsModelTest {
  @TempDir Path config;

  @Test
  void savedProjectsComeBackInOrderAfterRestart() throws IOException {
    ProjectsModel model = new ProjectsModel(new ProjectStore(config));
    assertThat(model.save(Project.create("alpha", "http://127.0.0.1:8080", true))).isEmpty();
    assertThat(model.save(Project.create(" beta ", "https://relay.example/team/", false)))
        .isEmpty();

    ProjectsModel reloaded = new ProjectsModel(new ProjectStore(config));
    assertThat(reloaded.projects()).extracting(Project::name).containsExactly("alpha", "beta");
    assertThat(reloaded.projects().get(1).authEnabled()).isFalse();
    assertThat(reloaded.projects().get(1).webSocketUri().toString())
        .isEqualTo("wss://relay.example/team/ws");
    assertThat(reloaded.projects().get(0).webSocketUri().toString())
        .isEqualTo("ws://127.0.0.1:8080/ws");
  }

  @Test
  void editingKeepsTheIdAndRemovingForgetsTheProject() throws IOException {
    ProjectsModel model = new ProjectsModel(new ProjectStore(config));
    Project alpha = Project.create("alpha", "http://127.0.0.1:8080", true);
    model.save(alpha);
    model.save(new Project(alpha.id(), "alpha renamed", "http://127.0.0.1:9090", false));
    assertThat(model.projects()).hasSize(1);
    assertThat(model.find(alpha.id()).orElseThrow().relayUrl()).isEqualTo("http://127.0.0.1:9090");

    assertThat(model.remove(alpha.id())).isTrue();
    assertThat(model.remove(alpha.id())).isFalse();
    assertThat(new ProjectsModel(new ProjectStore(config)).projects()).isEmpty();
  }

  @Test
  void invalidProjectsAreRefusedWithReasonsAndNotSaved() throws IOException {
    ProjectsModel model = new ProjectsModel(new ProjectStore(config));
    model.save(Project.create("alpha", "http://127.0.0.1:8080", true));

    assertThat(model.save(Project.create("ALPHA", "http://127.0.0.1:1", true)))
        .containsExactly("Another project is already called \"ALPHA\".");
    assertThat(model.save(Project.create("", "ftp://host", true)))
        .containsExactly(
            "Give the project a name.", "The relay URL must start with http:// or https://.");
    assertThat(model.save(Project.create("x", "http://user:pw@host:1", true)))
        .containsExactly("The relay URL must not carry a query, a fragment or a password.");
    assertThat(model.save(Project.create("x", "http://", true))).hasSize(1);
    assertThat(model.projects()).hasSize(1);
  }

  @Test
  void aDamagedFileIsReportedNotOverwritten() throws IOException {
    Files.writeString(config.resolve("projects.json"), "{not json");
    assertThatThrownBy(() -> new ProjectsModel(new ProjectStore(config)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a valid projects file");
    assertThat(Files.readString(config.resolve("projects.json"))).isEqualTo("{not json");
  }
}
