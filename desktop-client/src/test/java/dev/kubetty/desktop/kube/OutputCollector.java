package dev.kubetty.desktop.kube;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reads an exec's output on a thread of its own and lets a test wait for text in it. */
final class OutputCollector {
  private final StringBuffer text = new StringBuffer();
  private volatile boolean ended;

  OutputCollector(InputStream output) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (Reader in = new InputStreamReader(output, StandardCharsets.UTF_8)) {
                char[] buffer = new char[4096];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  text.append(buffer, 0, n);
                }
              } catch (IOException e) {
                // End of the stream as far as the test is concerned.
              }
              ended = true;
            });
  }

  /** Waits until {@code needle} has appeared; fails with everything seen so far. */
  String await(String needle, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (text.indexOf(needle) >= 0) {
        return text.toString();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no '" + needle + "' within " + timeout + "; output was: " + text);
  }

  boolean ended() {
    return ended;
  }

  String text() {
    return text.toString();
  }
}
