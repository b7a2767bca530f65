package dev.kubetty.relay.transcript;

import dev.kubetty.relay.store.ChunkRow;
import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.TranscriptRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Records one session's transcript (output and input bytes, resizes, exits) into PostgreSQL without
 * ever slowing the terminal down.
 *
 * <p><b>Threads.</b> The {@code record*} methods may be called from any thread (the PTY reader, the
 * WebSocket threads); they copy the bytes, stamp the time and enqueue, never blocking and never
 * doing I/O. A drain thread ({@code transcript-<session>}) joins adjacent chunks into rows of at
 * most 64 KiB; a database thread ({@code transcript-db-<session>}) inserts them in batches. Only
 * the database thread ever waits for PostgreSQL.
 *
 * <p><b>Outages.</b> If an insert fails, or more than {@link Limits#queueBytes} (16 MiB) is
 * waiting, rows go to an append-only spool file in {@code spoolDirectory} instead, and the writer
 * replays it in order once the database answers, then deletes it (the drain thread keeps spooling
 * meanwhile). Inserts skip rows already stored, so a replay never duplicates. Memory stays under
 * {@link Limits#hardCapBytes} (64 MiB) of queue plus {@link Limits#queueBytes} ready for the
 * database: only if the disk cannot keep up are newer bytes dropped, and {@link #health} reports
 * them lost.
 *
 * <p><b>Offsets.</b> Each stream's offsets are the caller's; bytes at offsets already recorded by
 * this writer are ignored, so re-recording after a retry cannot duplicate.
 *
 * <p><b>Lifecycle.</b> {@link #start} replays a spool left by an earlier run first. {@link #close}
 * stores what it can within {@link Limits#closeWait} and leaves the rest in the spool for the next
 * start; records after {@code close} are ignored.
 */
public final class TranscriptWriter implements AutoCloseable {
  /**
   * Writer limits.
   *
   * @param queueBytes queued payload above which the writer spills to the spool (default 16 MiB)
   * @param hardCapBytes queued payload above which new bytes are dropped (default 64 MiB)
   * @param maxRowBytes largest stored row (default 64 KiB)
   * @param retryInterval pause between attempts to reach a failed database (default 500 ms)
   * @param closeWait how long {@link #close} tries to store before leaving rows in the spool
   */
  public record Limits(
      int queueBytes,
      int hardCapBytes,
      int maxRowBytes,
      Duration retryInterval,
      Duration closeWait) {
    /** The defaults. */
    public static Limits defaults() {
      return new Limits(
          16 << 20, 64 << 20, 64 << 10, Duration.ofMillis(500), Duration.ofSeconds(5));
    }
  }

  private final String sessionId;
  private final Limits limits;
  private final ConcurrentLinkedQueue<TranscriptRow> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicLong acceptedItems = new AtomicLong();
  private final AtomicLong lostBytes = new AtomicLong();
  private final AtomicLong nextOutput = new AtomicLong(-1);
  private final AtomicLong nextInput = new AtomicLong(-1);
  private final AtomicLong lastEventId = new AtomicLong();
  private final WriterLoop loop;

  private TranscriptWriter(Jdbi jdbi, String sessionId, Path spoolFile, Limits limits)
      throws IOException {
    this.sessionId = sessionId;
    this.limits = limits;
    this.loop = new WriterLoop(jdbi, spoolFile, sessionId, limits, this);
  }

  /**
   * Starts a writer for {@code sessionId} with its spool in {@code spoolDirectory} (replaying any
   * spool an earlier run left there).
   *
   * @throws IOException if the spool directory or file cannot be created or read
   */
  public static TranscriptWriter start(
      Jdbi jdbi, String sessionId, Path spoolDirectory, Limits limits) throws IOException {
    Objects.requireNonNull(jdbi, "jdbi");
    String file = "transcript-" + sessionId.replaceAll("[^A-Za-z0-9._-]", "_") + ".spool";
    TranscriptWriter writer =
        new TranscriptWriter(jdbi, sessionId, spoolDirectory.resolve(file), limits);
    writer.loop.start();
    return writer;
  }

  /**
   * Declares that output before {@code outputOffset} and input before {@code inputOffset} are
   * already stored (restart continuation, see {@code TranscriptReader}); recording them again, e.g.
   * while pre-filling the ring buffer from the stored tail, is then ignored. Call before recording.
   */
  public void continueAfter(long outputOffset, long inputOffset) {
    nextOutput.accumulateAndGet(outputOffset, Math::max);
    nextInput.accumulateAndGet(inputOffset, Math::max);
  }

  /** Records output bytes {@code [offset, offset + bytes.length)} of the output stream. */
  public void recordOutput(long offset, byte[] bytes) {
    recordOutput(offset, bytes, bytes.length);
  }

  /** Records the first {@code length} bytes of {@code buffer} at {@code offset}; copies them. */
  public void recordOutput(long offset, byte[] buffer, int length) {
    recordChunk(ChunkRow.Direction.OUTPUT, nextOutput, offset, buffer, length);
  }

  /** Records input bytes at {@code inputOffset} of the input stream (its own offsets). */
  public void recordInput(long inputOffset, byte[] bytes) {
    recordChunk(ChunkRow.Direction.INPUT, nextInput, inputOffset, bytes, bytes.length);
  }

  /** Records a resize to {@code cols} x {@code rows} after output byte {@code outputOffset - 1}. */
  public void recordResize(long outputOffset, int cols, int rows) {
    recordEvent(EventRow.Kind.RESIZE, outputOffset, cols, rows);
  }

  /** Records that the shell exited with {@code code} after output byte {@code outputOffset - 1}. */
  public void recordExit(long outputOffset, int code) {
    recordEvent(EventRow.Kind.EXIT, outputOffset, code, 0);
  }

  /** OK, or degraded with the reason and the bytes waiting in the spool. */
  public WriterHealth health() {
    return loop.health(lostBytes.get());
  }

  /** Payload bytes queued in memory now. */
  public long queuedBytes() {
    return queuedBytes.get();
  }

  /**
   * Waits until everything recorded before this call is in the database (not just the spool).
   *
   * @return false if {@code timeout} passed first
   */
  public boolean awaitStored(Duration timeout) throws InterruptedException {
    return loop.awaitStored(acceptedItems.get(), timeout);
  }

  /** Stores what it can within the close wait; the rest stays in the spool for the next start. */
  @Override
  public void close() {
    try {
      loop.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void recordChunk(
      ChunkRow.Direction direction, AtomicLong next, long offset, byte[] buffer, int length) {
    if (offset < 0 || length < 0 || length > buffer.length) {
      throw new IllegalArgumentException("offset " + offset + ", length " + length);
    }
    long end = offset + length;
    long previous;
    long start;
    do {
      previous = next.get();
      if (previous >= end) {
        return; // already recorded
      }
      start = Math.max(offset, previous);
    } while (!next.compareAndSet(previous, end));
    byte[] copy = Arrays.copyOfRange(buffer, (int) (start - offset), length);
    enqueue(new ChunkRow(sessionId, direction, start, Instant.now(), copy));
  }

  private void recordEvent(EventRow.Kind kind, long outputOffset, int a, int b) {
    Instant now = Instant.now();
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
    long id = lastEventId.updateAndGet(previous -> Math.max(previous + 1, micros));
    enqueue(new EventRow(sessionId, id, kind, outputOffset, now, a, b));
  }

  private void enqueue(TranscriptRow row) {
    if (loop.stopped()) {
      return; // closed: documented as ignored
    }
    int size = row.payloadBytes();
    if (queuedBytes.get() + size > limits.hardCapBytes()) {
      lostBytes.addAndGet(size);
      return;
    }
    long queued = queuedBytes.addAndGet(size);
    acceptedItems.incrementAndGet();
    queue.add(row);
    loop.wake(queued);
  }

  /** Takes the next queued row (drain thread), or null. */
  TranscriptRow poll() {
    TranscriptRow row = queue.poll();
    if (row != null) {
      queuedBytes.addAndGet(-row.payloadBytes());
    }
    return row;
  }
}
