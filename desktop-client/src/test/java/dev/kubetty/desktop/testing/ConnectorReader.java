package dev.kubetty.desktop.testing;

import com.techsenger.jeditermfx.core.TtyConnector;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** Reads a connector on a daemon thread into a string, as the emulator would. */
public final class ConnectorReader {
  private final StringBuilder text = new StringBuilder();

  public ConnectorReader(TtyConnector connector) {
    Thread.ofPlatform()
        .daemon()
        .name("connector-reader")
        .start(
            () -> {
              char[] buf = new char[8192];
              try {
                int n;
                while ((n = connector.read(buf, 0, buf.length)) >= 0) {
                  synchronized (text) {
                    text.append(buf, 0, n);
                  }
                }
              } catch (IOException e) {
                // The connector closed: the text so far stays readable.
              }
            });
  }

  /** Everything read so far. */
  public String text() {
    synchronized (text) {
      return text.toString();
    }
  }

  /** Waits up to 20 s until the text contains {@code needle}; returns the text. */
  public String await(String needle) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (text().contains(needle)) {
        return text();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no \"" + needle + "\" in:\n" + text());
  }
}
