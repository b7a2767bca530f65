package dev.kubetty.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ErrorDialogTest {
  @Test
  void peopleSeeTheRootCauseInWordsNeverAStackTrace() {
    String message =
        ErrorDialog.plainMessage(
            new IllegalStateException(
                "wrapper", new UncheckedIOException(new IOException("Disk full"))));
    assertThat(message).startsWith("Disk full").doesNotContain("Exception").doesNotContain("at ");
    assertThat(ErrorDialog.plainMessage(new NullPointerException()))
        .startsWith("An unexpected error happened (NullPointerException).");
  }
}
