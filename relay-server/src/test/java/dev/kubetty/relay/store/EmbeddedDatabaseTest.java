package dev.kubetty.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real embedded PostgreSQL: migrations on an empty cluster, data kept across a restart. */
class EmbeddedDatabaseTest {
  @TempDir Path dataDirectory;

  @Test
  void migratesAnEmptyDatabaseAndKeepsDataAcrossRestart() {
    var config = new DatabaseConfig.Embedded(dataDirectory);
    try (Database database = Database.open(config)) {
      List<String> tables =
          database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT table_name FROM information_schema.tables"
                                  + " WHERE table_schema = 'public' ORDER BY table_name")
                          .mapTo(String.class)
                          .list());
      assertThat(tables)
          .contains(
              "attachments",
              "sessions",
              "shell_generations",
              "transcript_chunks",
              "transcript_events",
              "flyway_schema_history");
      database.jdbi().useExtension(SessionDao.class, dao -> dao.upsertSession("s1", "dep-1"));
      String durability =
          database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT current_setting('fsync') || current_setting('synchronous_commit')")
                          .mapTo(String.class)
                          .one());
      assertThat(durability).isEqualTo("onon");
    }
    assertThat(dataDirectory.resolve("postgres/PG_VERSION")).exists();

    try (Database again = Database.open(config)) {
      SessionRow row =
          again.jdbi().withExtension(SessionDao.class, dao -> dao.session("s1")).orElseThrow();
      assertThat(row.deploymentId()).isEqualTo("dep-1");
      assertThat(row.createdAt()).isNotNull();
    }
  }
}
