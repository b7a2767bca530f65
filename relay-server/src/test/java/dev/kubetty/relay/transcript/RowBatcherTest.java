package dev.kubetty.relay.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.store.ChunkRow;
import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.TranscriptRow;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBatcherTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static ChunkRow out(long offset, int length, Instant at) {
    return new ChunkRow("s", ChunkRow.Direction.OUTPUT, offset, at, new byte[length]);
  }

  @Test
  void joinsContiguousChunksAndCutsAtTheRowLimit() {
    RowBatcher batcher = new RowBatcher(100);
    batcher.add(out(0, 60, T0));
    batcher.add(new EventRow("s", 1, EventRow.Kind.RESIZE, 60, T0, 80, 24));
    batcher.add(out(60, 60, T0));
    batcher.add(out(120, 250, T0));
    List<TranscriptRow> rows = batcher.take();
    assertThat(rows).hasSize(5);
    assertThat(rows.stream().filter(r -> r instanceof ChunkRow).map(r -> (ChunkRow) r))
        .extracting(ChunkRow::streamOffset, ChunkRow::payloadBytes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, 100),
            org.assertj.core.groups.Tuple.tuple(100L, 100),
            org.assertj.core.groups.Tuple.tuple(200L, 100),
            org.assertj.core.groups.Tuple.tuple(300L, 70));
  }

  @Test
  void rowsKeepTheirBytesWhileTheBatcherGoesOnFillingNewOnes() {
    RowBatcher batcher = new RowBatcher(100);
    batcher.add(filled(0, 150, (byte) 'a'));
    List<TranscriptRow> first = batcher.take();
    batcher.add(filled(150, 100, (byte) 'b'));
    List<TranscriptRow> second = batcher.take();

    assertThat(bytes(first)).containsOnly('a').hasSize(150);
    assertThat(bytes(second)).containsOnly('b').hasSize(100);
  }

  private static ChunkRow filled(long offset, int length, byte value) {
    byte[] data = new byte[length];
    Arrays.fill(data, value);
    return new ChunkRow("s", ChunkRow.Direction.OUTPUT, offset, T0, data);
  }

  private static byte[] bytes(List<TranscriptRow> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    rows.forEach(r -> out.writeBytes(((ChunkRow) r).data()));
    return out.toByteArray();
  }

  @Test
  void doesNotJoinAcrossAGapAStreamOrTooMuchTime() {
    RowBatcher batcher = new RowBatcher(1 << 16);
    batcher.add(out(0, 10, T0));
    batcher.add(out(20, 10, T0)); // gap
    batcher.add(new ChunkRow("s", ChunkRow.Direction.INPUT, 0, T0, new byte[3]));
    batcher.add(out(30, 10, T0.plus(RowBatcher.MAX_SPREAD))); // too late to join the row at 20
    assertThat(batcher.take())
        .extracting(r -> ((ChunkRow) r).streamOffset())
        .containsExactlyInAnyOrder(0L, 20L, 0L, 30L);
  }

  @Test
  void rowsJoinedFromManyChunksCarryExactlyTheirBytes() {
    byte[] stream = new byte[300_000];
    for (int i = 0; i < stream.length; i++) {
      stream[i] = (byte) (i % 251);
    }
    RowBatcher batcher = new RowBatcher(1 << 16);
    for (int from = 0; from < stream.length; from += 5_000) {
      byte[] chunk = Arrays.copyOfRange(stream, from, Math.min(stream.length, from + 5_000));
      batcher.add(new ChunkRow("s", ChunkRow.Direction.OUTPUT, from, T0, chunk));
    }

    List<ChunkRow> rows = batcher.take().stream().map(r -> (ChunkRow) r).toList();

    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (ChunkRow row : rows) {
      assertThat(row.streamOffset()).isEqualTo(joined.size());
      joined.writeBytes(row.data());
    }
    assertThat(joined.toByteArray()).isEqualTo(stream);
    assertThat(rows.subList(0, rows.size() - 1))
        .allSatisfy(row -> assertThat(row.data()).hasSize(1 << 16));
  }
}
