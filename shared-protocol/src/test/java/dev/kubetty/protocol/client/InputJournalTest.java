package dev.kubetty.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputJournalTest {
  @Test
  void sendsAgainExactlyTheBytesBeyondTheRelaysCount() {
    InputJournal journal = new InputJournal();
    journal.record(bytes("abc"));
    journal.record(bytes("def"));

    assertThat(text(journal.afterReady(2L))).isEqualTo("cdef");
    assertThat(text(journal.afterReady(6L))).isEmpty();
    assertThat(journal.sent()).isEqualTo(6);
  }

  @Test
  void anUnknownClientStartsCountingAtZero() {
    InputJournal journal = new InputJournal();
    journal.record(bytes("abc"));

    assertThat(journal.afterReady(null)).isEqualTo(InputJournal.Resend.NOTHING);
    journal.record(bytes("x"));
    assertThat(text(journal.afterReady(0L))).isEqualTo("x");
  }

  @Test
  void countsThatCannotBeReconciledTakeTheRelays() {
    InputJournal journal = new InputJournal();
    journal.record(bytes("abc"));

    InputJournal.Resend ahead = journal.afterReady(50L); // an id kept across a client restart
    assertThat(ahead.chunks()).isEmpty();
    assertThat(ahead.lost()).isZero();
    assertThat(journal.sent()).isEqualTo(50);
  }

  @Test
  void keepsAtLeastTheNewest64KiBAndReportsWhatIsOlderAsLost() {
    InputJournal journal = new InputJournal();
    for (int i = 0; i < 100; i++) {
      journal.record(new byte[1024]);
    }

    InputJournal.Resend fits = journal.afterReady(100L * 1024 - InputJournal.KEEP_BYTES);
    assertThat(fits.chunks().stream().mapToInt(c -> c.length).sum())
        .isEqualTo(InputJournal.KEEP_BYTES);

    InputJournal.Resend tooOld = journal.afterReady(0L);
    assertThat(tooOld.chunks()).isEmpty();
    assertThat(tooOld.lost()).isEqualTo(100L * 1024);
    assertThat(journal.sent()).isZero();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(InputJournal.Resend resend) {
    StringBuilder out = new StringBuilder();
    List<byte[]> chunks = resend.chunks();
    chunks.forEach(c -> out.append(new String(c, StandardCharsets.UTF_8)));
    return out.toString();
  }
}
