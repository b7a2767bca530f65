package dev.kubetty.relay.transcript;

import dev.kubetty.relay.store.ChunkRow;
import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.TranscriptRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns recorded items into stored rows: adjacent contiguous chunks of one stream, recorded within
 * {@link #MAX_SPREAD} of each other, become one row of at most {@code maxRowBytes}; bigger chunks
 * are cut. The rows it emits are final: nothing re-cuts them later, which keeps replays idempotent.
 */
final class RowBatcher {
  static final Duration MAX_SPREAD = Duration.ofMillis(100);

  private final int maxRowBytes;
  private final List<TranscriptRow> rows = new ArrayList<>();
  private final Open[] open = new Open[2];

  /**
   * One buffer per stream, reused for every row: a full-size buffer per row, or one grown by
   * doubling, had made the transcript the relay's largest source of garbage in a flood.
   */
  private final byte[][] scratch = new byte[2][];

  RowBatcher(int maxRowBytes) {
    this.maxRowBytes = maxRowBytes;
  }

  /** A row being filled. */
  private static final class Open {
    final ChunkRow first;
    final byte[] bytes;
    int size;
    long end;

    /** Fills {@code buffer}, the batcher's scratch buffer for the row's stream. */
    Open(ChunkRow first, byte[] buffer) {
      this.first = first;
      this.bytes = buffer;
      this.end = first.streamOffset();
    }

    /** Appends; the caller keeps the row within its capacity. */
    void append(byte[] src, int from, int length) {
      System.arraycopy(src, from, bytes, size, length);
      size += length;
      end += length;
    }

    /** A copy of the row's bytes (the buffer is reused for the next row). */
    byte[] take() {
      return Arrays.copyOf(bytes, size);
    }
  }

  void add(TranscriptRow row) {
    switch (row) {
      case EventRow e -> rows.add(e);
      case ChunkRow c -> addChunk(c);
    }
  }

  private void addChunk(ChunkRow chunk) {
    int slot = chunk.direction().ordinal();
    for (int from = 0; from < chunk.data().length; ) {
      Open row = open[slot];
      if (row != null && !joins(row, chunk, from)) {
        finish(slot);
        row = null;
      }
      if (row == null) {
        if (scratch[slot] == null) {
          scratch[slot] = new byte[maxRowBytes];
        }
        row = open[slot] = new Open(slice(chunk, from, from), scratch[slot]);
      }
      int n = Math.min(chunk.data().length - from, maxRowBytes - row.size);
      row.append(chunk.data(), from, n);
      from += n;
    }
  }

  private boolean joins(Open row, ChunkRow chunk, int from) {
    return row.end == chunk.streamOffset() + from
        && row.size < maxRowBytes
        && Duration.between(row.first.recordedAt(), chunk.recordedAt()).compareTo(MAX_SPREAD) < 0;
  }

  private static ChunkRow slice(ChunkRow chunk, int from, int to) {
    Instant at = chunk.recordedAt();
    return new ChunkRow(
        chunk.sessionId(),
        chunk.direction(),
        chunk.streamOffset() + from,
        at,
        Arrays.copyOfRange(chunk.data(), from, to));
  }

  private void finish(int slot) {
    Open row = open[slot];
    if (row != null) {
      ChunkRow f = row.first;
      rows.add(
          new ChunkRow(f.sessionId(), f.direction(), f.streamOffset(), f.recordedAt(), row.take()));
      open[slot] = null;
    }
  }

  /** The rows formed so far (open rows closed); the batcher starts empty again. */
  List<TranscriptRow> take() {
    finish(0);
    finish(1);
    List<TranscriptRow> out = List.copyOf(rows);
    rows.clear();
    return out;
  }
}
