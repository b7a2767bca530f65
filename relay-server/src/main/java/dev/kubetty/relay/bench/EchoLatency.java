package dev.kubetty.relay.bench;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Keystroke echo through the relay to bash's line editor: one lower-case letter at a time, timed
 * from {@code send} to the chunk that echoes it. The line is cleared with Ctrl-U every {@value
 * #KEYS_PER_LINE} keys (untimed) so it never wraps.
 */
final class EchoLatency {
  private static final int KEYS_PER_LINE = 40;
  private static final int WARM_UP_KEYS = 100;
  private static final byte CTRL_U = 0x15;
  private static final Duration KEY_TIMEOUT = Duration.ofSeconds(5);

  private final Keyboard client;
  private final BlockingQueue<Long> echoes = new ArrayBlockingQueue<>(1);
  private volatile int expected = -1;

  private EchoLatency(Keyboard client) {
    this.client = client;
  }

  /** Returns one latency per key, in ms, after an untimed warm-up. The client's tap is replaced. */
  static double[] measure(Keyboard client, int keys) throws InterruptedException {
    EchoLatency echo = new EchoLatency(client);
    client.sync(Duration.ofSeconds(10));
    client.tap(echo::accept);
    echo.type(WARM_UP_KEYS);
    double[] millis = echo.type(keys);
    echo.clearLine();
    return millis;
  }

  private double[] type(int keys) throws InterruptedException {
    clearLine();
    double[] millis = new double[keys];
    for (int i = 0; i < keys; i++) {
      if (i > 0 && i % KEYS_PER_LINE == 0) {
        clearLine();
      }
      millis[i] = typeOne((byte) ('a' + i % 26));
    }
    return millis;
  }

  private double typeOne(byte key) throws InterruptedException {
    expected = key;
    long sent = System.nanoTime();
    client.send(new byte[] {key});
    Long echoed = echoes.poll(KEY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (echoed == null) {
      throw new BenchException("no echo of '" + (char) key + "' within " + KEY_TIMEOUT);
    }
    return (echoed - sent) / 1e6;
  }

  private void clearLine() throws InterruptedException {
    expected = -1;
    client.send(new byte[] {CTRL_U});
    // Readline redraws the line; let that output pass before the next timed key.
    Thread.sleep(20);
  }

  private void accept(long nanos, byte[] data, int length) {
    int key = expected;
    if (key < 0) {
      return;
    }
    for (int i = 0; i < length; i++) {
      if (data[i] == key) {
        expected = -1;
        echoes.offer(nanos);
        return;
      }
    }
  }
}
