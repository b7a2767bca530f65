package dev.kubetty.relay.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tap that times the payload between an {@link OutputScript}'s markers: from the arrival of the
 * first chunk holding payload to the arrival of the end marker, and counts the payload bytes.
 */
final class ThroughputProbe implements OutputTap {
  private final OutputScript script;
  private final MarkerScanner begin;
  private final MarkerScanner end;
  private final CountDownLatch done = new CountDownLatch(1);
  private boolean started;
  private long firstNanos = -1;
  private long counted;
  private volatile long endNanos;

  ThroughputProbe(OutputScript script) {
    this.script = script;
    this.begin = new MarkerScanner(script.beginMarker());
    this.end = new MarkerScanner(script.endMarker(), script.filler());
  }

  @Override
  public void accept(long nanos, byte[] data, int length) {
    if (done.getCount() == 0) {
      return;
    }
    int from = 0;
    if (!started) {
      from = begin.find(data, 0, length);
      if (from < 0) {
        return;
      }
      started = true;
    }
    if (firstNanos < 0 && from < length) {
      firstNanos = nanos;
    }
    int stop = end.find(data, from, length);
    counted += (stop < 0 ? length : stop) - from;
    if (stop >= 0) {
      counted -= end.length();
      endNanos = nanos;
      done.countDown();
    }
  }

  /**
   * Waits for the end marker.
   *
   * @return the throughput in MB/s (10^6 bytes per second)
   * @throws BenchException on timeout or if the payload was not exactly the script's size
   */
  double awaitMegabytesPerSecond(Duration timeout) throws InterruptedException {
    if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new BenchException("output of " + script.bytes() + " bytes not done within " + timeout);
    }
    if (counted != script.bytes()) {
      throw new BenchException("counted " + counted + " payload bytes, expected " + script.bytes());
    }
    double seconds = (endNanos - firstNanos) / 1e9;
    return script.bytes() / 1e6 / Math.max(seconds, 1e-9);
  }
}
