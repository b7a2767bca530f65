package dev.kubetty.relay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.client.RelayListener;
import dev.kubetty.protocol.client.State;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Records what a {@link dev.kubetty.protocol.client.RelayClient} delivers and checks, on every
 * call, that output offsets are contiguous: a repeated or skipped byte fails at once.
 */
public final class StreamRecorder implements RelayListener {
  /** Output the client was told it lost: [from, to). */
  public record Gap(long from, long to) {}

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final List<Gap> gaps = new CopyOnWriteArrayList<>();
  private final List<State> states = new CopyOnWriteArrayList<>();
  private final LongConsumer onBytes;
  private long expected = -1;
  private volatile Throwable broken;

  /** A recorder that tells {@code onBytes} the total received after each output. */
  public StreamRecorder(LongConsumer onBytes) {
    this.onBytes = onBytes;
  }

  public StreamRecorder() {
    this(total -> {});
  }

  @Override
  public synchronized void onOutput(long offset, byte[] data) {
    if (expected >= 0 && offset != expected) {
      broken = new AssertionError("output at " + offset + ", expected " + expected);
    }
    expected = offset + data.length;
    output.writeBytes(data);
    onBytes.accept(output.size());
  }

  @Override
  public synchronized void onGap(long from, long to) {
    gaps.add(new Gap(from, to));
    expected = to;
  }

  @Override
  public void onStateChanged(State state, String detail) {
    states.add(state);
  }

  public List<Gap> gaps() {
    return gaps;
  }

  public List<State> states() {
    return states;
  }

  public synchronized byte[] bytes() {
    return output.toByteArray();
  }

  /** Waits until the output contains {@code marker}; fails after {@code timeout}. */
  public void awaitText(String marker, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!text().contains(marker)) {
      assertThat(broken).isNull();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + marker + "' within " + timeout);
      }
      Thread.sleep(20);
    }
    assertThat(broken).isNull();
  }

  private synchronized String text() {
    // Only the tail can newly contain the marker; decoding 50 MB every poll would dominate.
    int size = output.size();
    byte[] all = output.toByteArray();
    int from = Math.max(0, size - 4096);
    return new String(all, from, size - from, StandardCharsets.ISO_8859_1);
  }
}
