package dev.kubetty.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records every callback as one line of text and fails on concurrent callbacks. Tests take events
 * in order with {@link #next()}; {@link #assertExhausted()} fails on anything left over.
 */
final class RecordingListener implements RelayListener {
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final AtomicInteger inCallback = new AtomicInteger();
  volatile String lastDetail;

  /** Whether {@link #onReplay} is recorded (off: most tests are about other events). */
  volatile boolean recordReplays;

  /** While set, {@link #onOutput} records its event and then waits for this latch. */
  volatile CountDownLatch outputGate;

  @Override
  public void onReplay(long from, long to) {
    if (recordReplays) {
      record("replay " + from + " " + to);
    }
  }

  @Override
  public void onOutput(long offset, byte[] data) {
    record("output " + offset + " " + new String(data, StandardCharsets.UTF_8));
    CountDownLatch gate = outputGate;
    if (gate != null) {
      try {
        gate.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void onStateChanged(State state, String detail) {
    lastDetail = detail;
    record("state " + state);
  }

  @Override
  public void onGap(long from, long to) {
    record("gap " + from + " " + to);
  }

  @Override
  public void onRewind(long seen, long offset) {
    record("rewind " + seen + " " + offset);
  }

  @Override
  public void onExit(int code) {
    record("exit " + code);
  }

  @Override
  public void onError(String code, String message) {
    record("error " + code + " " + message);
  }

  @Override
  public void onClosed(int code, String reason) {
    record("closed " + code + " " + reason);
  }

  String next() {
    try {
      String event = events.poll(5, TimeUnit.SECONDS);
      assertThat(event).as("listener event within 5 s").isNotNull();
      return event;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  void expect(String... expected) {
    for (String event : expected) {
      assertThat(next()).isEqualTo(event);
    }
  }

  void assertExhausted() {
    assertThat(events).isEmpty();
  }

  private void record(String event) {
    // Throwing here would only be logged by the client; record the violation instead.
    if (inCallback.incrementAndGet() != 1) {
      events.add("concurrent callback during: " + event);
    }
    events.add(event);
    inCallback.decrementAndGet();
  }
}
