package dev.kubetty.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
  @Test
  void projectFromArgumentsAndCredentialsFromTheEnvironment() {
    LaunchOptions options =
        LaunchOptions.parse(
            new String[] {"--project", "local relay=http://127.0.0.1:8080"},
            Map.of("KUBETTY_USERNAME", "alice", "KUBETTY_PASSWORD", "s3cret"));
    assertThat(options.projectName()).isEqualTo("local relay");
    assertThat(options.projectUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(options.projectAuth()).isTrue();
    assertThat(options.username()).isEqualTo("alice");
    assertThat(options.password()).isEqualTo("s3cret");
    assertThat(options.toString()).doesNotContain("s3cret");
  }

  @Test
  void credentialsFileAsServeFirstUserWritesIt(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    Path file = dir.resolve("credentials");
    java.nio.file.Files.writeString(file, "username=admin\npassword=p=w d\n");
    LaunchOptions options =
        LaunchOptions.parse(
            new String[] {
              "--project",
              "local relay=http://127.0.0.1:8080",
              "--credentials-file",
              file.toString()
            },
            Map.of());
    assertThat(options.username()).isEqualTo("admin");
    assertThat(options.password()).isEqualTo("p=w d");
    java.nio.file.Files.writeString(file, "nothing\n");
    assertThatThrownBy(
            () ->
                LaunchOptions.parse(new String[] {"--credentials-file", file.toString()}, Map.of()))
        .hasMessageContaining("no username= and password= lines");
  }

  @Test
  void badArgumentsAreExplained() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--project"}, Map.of()))
        .hasMessage("--project needs NAME=URL");
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--password", "x"}, Map.of()))
        .hasMessage("unknown option --password");
    assertThat(LaunchOptions.parse(new String[] {"--no-auth"}, Map.of()).projectAuth()).isFalse();
  }

  @Test
  void configDirectoryFollowsXdg() {
    Path home = Path.of("/home/u");
    assertThat(ConfigDirectory.resolve(Map.of(), null, home))
        .isEqualTo(Path.of("/home/u/.config/kubetty"));
    assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "/x"), null, home))
        .isEqualTo(Path.of("/x/kubetty"));
    assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "relative"), null, home))
        .isEqualTo(Path.of("/home/u/.config/kubetty"));
    assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "/x"), "/o", home))
        .isEqualTo(Path.of("/o"));
  }
}
