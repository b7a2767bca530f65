package dev.kubetty.relay.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A shell the benchmark types into and whose output it taps: through the relay, or a local PTY. */
interface Keyboard {
  /** Replaces the tap that sees each output chunk, stamped with its arrival time. */
  void tap(OutputTap tap);

  /** Types {@code bytes}. */
  void send(byte[] bytes);

  default void send(String text) {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Has the shell echo a fresh marker and waits for it: everything typed before has run. */
  default void sync(Duration timeout) throws InterruptedException {
    String id = Long.toHexString(System.nanoTime());
    MarkerWait wait = new MarkerWait("KTS" + id);
    tap(wait);
    send("echo KT''S" + id + "\n");
    wait.await(timeout);
  }
}
