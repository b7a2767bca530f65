package dev.kubetty.relay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubetty.relay.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
  @Test
  void nothingSetMeansEmbeddedUnderTheXdgDataDirectory() {
    DatabaseConfig config = DatabaseConfig.fromEnv(Map.of("HOME", "/home/ann"));
    assertThat(config).isInstanceOf(DatabaseConfig.Embedded.class);
    assertThat(((DatabaseConfig.Embedded) config).clusterDirectory())
        .isEqualTo(Path.of("/home/ann/.local/share/kubetty/postgres"));
    assertThat(DatabaseConfig.fromEnv(Map.of("XDG_DATA_HOME", "/x")).dataDirectory())
        .isEqualTo(Path.of("/x/kubetty"));
    assertThat(DatabaseConfig.fromEnv(Map.of("KUBETTY_DATA_DIR", "/data")).dataDirectory())
        .isEqualTo(Path.of("/data"));
  }

  @Test
  void cnpgVariablesBuildAJdbcUrlWithDefaults() {
    var config =
        (DatabaseConfig.External)
            DatabaseConfig.fromEnv(
                Map.of("CNPG_HOST", "pg-rw", "CNPG_USER", "app", "CNPG_PASSWORD", "s3cret"));
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://pg-rw:5432/kubetty");
    assertThat(config.user()).isEqualTo("app");
    assertThat(config.password()).isEqualTo("s3cret");
    assertThat(config.toString()).doesNotContain("s3cret");
    var custom =
        (DatabaseConfig.External)
            DatabaseConfig.fromEnv(
                Map.of("CNPG_HOST", "::1", "CNPG_PORT", "6543", "CNPG_DATABASE", "audit"));
    assertThat(custom.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:6543/audit");
  }

  @Test
  void databaseUrlWinsAndTakesCredentialsFromCnpgVariables() {
    var config =
        (DatabaseConfig.External)
            DatabaseConfig.fromEnv(
                Map.of(
                    "DATABASE_URL", "jdbc:postgresql://db:5432/x",
                    "CNPG_USER", "u",
                    "CNPG_PASSWORD", "pw"));
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/x");
    assertThat(config.password()).isEqualTo("pw");
    assertThat(config.toString()).doesNotContain("pw");
    var inUrl =
        DatabaseConfig.fromEnv(Map.of("DATABASE_URL", "jdbc:postgresql://db/x?password=hunter2"));
    assertThat(inUrl.toString()).doesNotContain("hunter2");
  }

  @Test
  void badValuesNameTheVariable() {
    assertVariable(Map.of("DATABASE_URL", "postgres://db/x"), "DATABASE_URL");
    assertVariable(Map.of("CNPG_HOST", "db", "CNPG_PORT", "70000"), "CNPG_PORT");
    assertVariable(Map.of("CNPG_HOST", "db", "CNPG_PORT", "five"), "CNPG_PORT");
    assertVariable(Map.of("CNPG_USER", "app"), "CNPG_HOST");
    assertVariable(Map.of("CNPG_HOST", "db/x"), "CNPG_HOST");
    assertVariable(Map.of("KUBETTY_DATA_DIR", "relative"), "KUBETTY_DATA_DIR");
  }

  private static void assertVariable(Map<String, String> env, String variable) {
    assertThatThrownBy(() -> DatabaseConfig.fromEnv(env))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.variable()).isEqualTo(variable));
  }
}
