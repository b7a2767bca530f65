package dev.kubetty.relay.logs;

import dev.kubetty.relay.store.ChunkRow.Direction;
import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.TranscriptChunk;
import dev.kubetty.relay.store.TranscriptDao;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes a session (or a time range of it) as an asciicast v2 file: a header line, then one JSON
 * array per line, {@code [seconds, "o"|"i"|"r", text]}, times non-decreasing.
 *
 * <p>Rows are read {@value #PAGE_ROWS} at a time (a connection per page, none held while the client
 * reads), so memory stays bounded. Each stream is decoded with a {@link Utf8Carry}, so a character
 * split across two chunks is written whole and the "o" texts, re-encoded as UTF-8, are the stored
 * bytes. Events are placed by output offset (a resize to the size already in effect is left out)
 * (an event at offset N comes before the chunk starting at N); input is merged in by time. Exit
 * events have no v2 form and are left out.
 */
final class CastWriter {
  static final int PAGE_ROWS = 500;

  private final Jdbi jdbi;
  private final String sessionId;

  CastWriter(Jdbi jdbi, String sessionId) {
    this.jdbi = jdbi;
    this.sessionId = sessionId;
  }

  /** Reads what the header needs; runs before anything is sent, so a failure can still be a 503. */
  CastHeader header(CastQuery query) {
    TimeRange range = TimeRange.of(query.since(), query.until());
    return jdbi.withExtension(
        TranscriptDao.class,
        dao -> {
          Instant start =
              query
                  .since()
                  .or(
                      () ->
                          dao.firstRecordedAt(sessionId, range.since(), range.until())
                              .map(t -> t.toInstant()))
                  .orElse(Instant.now());
          Optional<EventRow> size = dao.lastResizeAtOrBefore(sessionId, TimeRange.utc(start));
          return new CastHeader(
              start,
              size.map(EventRow::a).orElse(CastHeader.DEFAULT_WIDTH),
              size.map(EventRow::b).orElse(CastHeader.DEFAULT_HEIGHT));
        });
  }

  void write(CastQuery query, CastHeader header, Writer out) throws IOException {
    out.write(headerLine(header));
    TimeRange range = TimeRange.of(query.since(), query.until());
    PagedCursor<TranscriptChunk> output = chunks(Direction.OUTPUT, range);
    PagedCursor<TranscriptChunk> input = query.input() ? chunks(Direction.INPUT, range) : null;
    PagedCursor<EventRow> events = events(range);
    new Merge(header, out).run(output, input, events);
  }

  private String headerLine(CastHeader header) {
    var node = LogsJson.MAPPER.createObjectNode();
    node.put("version", 2);
    node.put("width", header.width());
    node.put("height", header.height());
    node.put("timestamp", header.start().getEpochSecond());
    node.put("title", "kubetty session " + sessionId);
    return node + "\n";
  }

  private PagedCursor<TranscriptChunk> chunks(Direction direction, TimeRange range) {
    return new PagedCursor<>(
        last ->
            jdbi.withExtension(
                TranscriptDao.class,
                dao ->
                    dao.chunkPage(
                        sessionId,
                        direction.code(),
                        last == null ? 0 : last.end(),
                        range.since(),
                        range.until(),
                        PAGE_ROWS)));
  }

  private PagedCursor<EventRow> events(TimeRange range) {
    return new PagedCursor<>(
        last ->
            jdbi.withExtension(
                TranscriptDao.class,
                dao ->
                    dao.eventPage(
                        sessionId,
                        last == null ? Long.MIN_VALUE : last.eventId(),
                        0,
                        Long.MAX_VALUE,
                        range.since(),
                        range.until(),
                        PAGE_ROWS)));
  }

  /** The merge of the three cursors into event lines; times are clamped to never go back. */
  private static final class Merge {
    private final Instant start;
    private final Writer out;
    private final Utf8Carry outputText = new Utf8Carry();
    private final Utf8Carry inputText = new Utf8Carry();
    private long lastMicros;
    private String size;

    Merge(CastHeader header, Writer out) {
      this.start = header.start();
      this.size = header.width() + "x" + header.height();
      this.out = out;
    }

    void run(
        PagedCursor<TranscriptChunk> output,
        PagedCursor<TranscriptChunk> input,
        PagedCursor<EventRow> events)
        throws IOException {
      while (true) {
        TranscriptChunk o = output.peek();
        TranscriptChunk i = input == null ? null : input.peek();
        EventRow e = events.peek();
        boolean eventFirst = e != null && (o == null || e.outputOffset() <= o.streamOffset());
        Instant sideTime = eventFirst ? e.recordedAt() : o == null ? null : o.recordedAt();
        if (i != null && (sideTime == null || !i.recordedAt().isAfter(sideTime))) {
          line(input.take().recordedAt(), "i", inputText.decode(i.data()));
        } else if (eventFirst) {
          event(events.take());
        } else if (o != null) {
          line(output.take().recordedAt(), "o", outputText.decode(o.data()));
        } else {
          break;
        }
      }
      line(null, "o", outputText.finish());
      line(null, "i", inputText.finish());
    }

    private void event(EventRow event) throws IOException {
      String newSize = event.a() + "x" + event.b();
      // A resize to the size already in effect (often the header's own) would only add noise.
      if (event.kind() == EventRow.Kind.RESIZE && !newSize.equals(size)) {
        size = newSize;
        line(event.recordedAt(), "r", newSize);
      }
    }

    /** Writes one event line unless {@code text} is empty; a null time repeats the last one. */
    private void line(Instant time, String code, String text) throws IOException {
      if (text.isEmpty()) {
        return;
      }
      if (time != null) {
        long micros = Duration.between(start, time).toNanos() / 1_000;
        lastMicros = Math.max(lastMicros, micros);
      }
      var array = LogsJson.MAPPER.createArrayNode();
      array.add(BigDecimal.valueOf(lastMicros, 6));
      array.add(code);
      array.add(text);
      out.write(array + "\n");
    }
  }
}
