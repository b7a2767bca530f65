package dev.kubetty.relay.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.store.DatabaseExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL stopped in the middle of a flood and started again: every byte is stored exactly once,
 * recording never blocks and queue memory stays bounded. The outage lasts {@code
 * -Dkubetty.test.outage=3s} (the 30 s works too; 3 s keeps the suite short).
 */
@Tag("slow")
class DatabaseOutageTest {
  private static final Duration OUTAGE =
      Duration.parse("PT" + System.getProperty("kubetty.test.outage", "3s").toUpperCase());
  private static final long MIB = 1 << 20;
  @RegisterExtension static final DatabaseExtension db = new DatabaseExtension();

  @Test
  void aDatabaseOutageLosesNothingAndDuplicatesNothing() throws Exception {
    var limits = TranscriptWriter.Limits.defaults();
    var flood = new TranscriptCheck.Flood(30);
    AtomicLong maxQueued = new AtomicLong();
    long slowestCall;
    try (TranscriptWriter writer =
        TranscriptWriter.start(
            db.database().jdbi(), "outage", db.directory().resolve("spool"), limits)) {
      Thread sampler = sampleQueue(writer, maxQueued);
      slowestCall = flood.record(writer, 5 * MIB);

      db.stopServer();
      long outageStart = System.nanoTime();
      // Keep flooding through the outage, spread over its length.
      long slices = Math.max(1, OUTAGE.toMillis() / 100);
      for (long i = 0; i < slices; i++) {
        slowestCall = Math.max(slowestCall, flood.record(writer, 10 * MIB / slices));
        Thread.sleep(Math.max(0, OUTAGE.toMillis() / slices - 5));
      }
      assertThat(writer.health()).isInstanceOf(WriterHealth.Degraded.class);
      assertThat(((WriterHealth.Degraded) writer.health()).spooledBytes()).isPositive();
      Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - outageStart) / 1_000_000));
      db.restartServer();

      slowestCall = Math.max(slowestCall, flood.record(writer, 20 * MIB - flood.offset));
      assertThat(writer.awaitStored(Duration.ofSeconds(90))).isTrue();
      assertThat(writer.health()).isInstanceOf(WriterHealth.Ok.class);
      sampler.interrupt();
    }
    TranscriptCheck.assertStoredExactly(db.database(), "outage", 20 * MIB, flood.sha256Hex());
    // The drain thread spools while the database is down, so the queue never reaches its bound.
    assertThat(maxQueued.get()).as("queued bytes").isLessThanOrEqualTo(limits.queueBytes());
    // Generous: a record call copies at most 16 KiB and enqueues; it never waits for the database.
    assertThat(Duration.ofNanos(slowestCall)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void closingDuringAnOutageLeavesTheRestInTheSpoolForTheNextStart() throws Exception {
    var limits =
        new TranscriptWriter.Limits(
            8 << 20, 64 << 20, 64 << 10, Duration.ofMillis(200), Duration.ofSeconds(1));
    var spoolDirectory = db.directory().resolve("close-spool");
    var flood = new TranscriptCheck.Flood(31);
    db.stopServer();
    try {
      try (TranscriptWriter writer =
          TranscriptWriter.start(db.database().jdbi(), "closed", spoolDirectory, limits)) {
        flood.record(writer, 2 * MIB);
      }
      assertThat(spoolDirectory.resolve("transcript-closed.spool")).exists();
    } finally {
      db.restartServer();
    }
    try (TranscriptWriter writer =
        TranscriptWriter.start(db.database().jdbi(), "closed", spoolDirectory, limits)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!(writer.health() instanceof WriterHealth.Ok) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(writer.health()).isInstanceOf(WriterHealth.Ok.class);
    }
    assertThat(spoolDirectory.resolve("transcript-closed.spool")).doesNotExist();
    TranscriptCheck.assertStoredExactly(db.database(), "closed", 2 * MIB, flood.sha256Hex());
  }

  private static Thread sampleQueue(TranscriptWriter writer, AtomicLong max) {
    return Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                max.accumulateAndGet(writer.queuedBytes(), Math::max);
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  return; // the test is done sampling
                }
              }
            });
  }
}
