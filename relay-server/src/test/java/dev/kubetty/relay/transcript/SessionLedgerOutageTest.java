package dev.kubetty.relay.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.store.DatabaseExtension;
import dev.kubetty.relay.store.SessionDao;
import dev.kubetty.relay.store.ShellGenerationRow;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shell generations recorded while PostgreSQL is down are written, in order, once it is back. */
@Tag("slow")
class SessionLedgerOutageTest {
  @RegisterExtension static final DatabaseExtension db = new DatabaseExtension();

  @Test
  void rowsWaitOutAnOutageAndArriveInOrder() throws Exception {
    String id = "ledger-outage";
    db.database().jdbi().useExtension(SessionDao.class, d -> d.upsertSession(id, null));
    try (SessionLedger ledger = new SessionLedger(db.database().jdbi(), id)) {
      ledger.shellStarted(0);
      awaitGenerations(id, rows -> rows.size() == 1);

      db.stopServer();
      try {
        ledger.shellExited(120, 3);
        ledger.shellStarted(120);
        Thread.sleep(SessionLedger.RETRY.toMillis() + 500); // at least one failed retry
      } finally {
        db.restartServer();
      }
      List<ShellGenerationRow> rows = awaitGenerations(id, r -> r.size() == 2);
      assertThat(rows.get(0).exitCode()).isEqualTo(3);
      assertThat(rows.get(0).endOffset()).isEqualTo(120);
      assertThat(rows.get(1).startOffset()).isEqualTo(120);
      assertThat(rows.get(1).endedAt()).isNull();
    }
  }

  @Test
  void onlyConnectionFailuresCountAsOutages() {
    assertThat(SessionLedger.isOutage(new RuntimeException(new SQLTransientConnectionException())))
        .isTrue();
    assertThat(SessionLedger.isOutage(new RuntimeException(new SQLException("x", "08006"))))
        .isTrue();
    assertThat(SessionLedger.isOutage(new RuntimeException(new SQLException("dup", "23505"))))
        .isFalse();
  }

  private static List<ShellGenerationRow> awaitGenerations(
      String id, java.util.function.Predicate<List<ShellGenerationRow>> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<ShellGenerationRow> rows = List.of();
    while (System.nanoTime() < deadline) {
      try {
        rows = db.database().jdbi().withExtension(SessionDao.class, d -> d.generations(id));
        if (done.test(rows)) {
          return rows;
        }
      } catch (RuntimeException stillStarting) {
        // the pool reconnects once PostgreSQL accepts connections again
      }
      Thread.sleep(100);
    }
    throw new AssertionError("generations never reached the expected state: " + rows);
  }
}
