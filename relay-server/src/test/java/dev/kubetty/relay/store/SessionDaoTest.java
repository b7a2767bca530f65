package dev.kubetty.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionDaoTest {
  @RegisterExtension static final DatabaseExtension db = new DatabaseExtension();

  @Test
  void recordsGenerationsAndAttachHistory() {
    OffsetDateTime t0 = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
    db.database()
        .jdbi()
        .useExtension(
            SessionDao.class,
            dao -> {
              dao.upsertSession("gen", "dep");
              dao.shellStarted("gen", 1, t0, 0);
              dao.shellEnded("gen", 1, t0.plusSeconds(5), 3, 1234);
              dao.shellStarted("gen", 2, t0.plusSeconds(6), 1234);
              long id = dao.attached("gen", "client-a", "127.0.0.1:5000", "kubetty/1", null, t0);
              dao.detached(id, t0.plusSeconds(9), 1000, "bye");

              assertThat(dao.lastGeneration("gen")).contains(2);
              var first = dao.generations("gen").get(0);
              assertThat(first.exitCode()).isEqualTo(3);
              assertThat(first.endOffset()).isEqualTo(1234L);
              var attachment = dao.attachments("gen").get(0);
              assertThat(attachment.closeCode()).isEqualTo(1000);
              assertThat(attachment.detachedAt().toInstant())
                  .isEqualTo(t0.plusSeconds(9).toInstant());
              var session = dao.session("gen").orElseThrow();
              assertThat(session.lastAttachAt().toInstant()).isEqualTo(t0.toInstant());
              assertThat(session.lastDetachAt().toInstant())
                  .isEqualTo(t0.plusSeconds(9).toInstant());
            });
  }
}
