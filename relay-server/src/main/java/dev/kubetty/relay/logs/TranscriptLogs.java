package dev.kubetty.relay.logs;

import dev.kubetty.relay.store.ChunkRow.Direction;
import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.TranscriptChunk;
import dev.kubetty.relay.store.TranscriptDao;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Builds pages of one session's transcript. Each page costs at most three queries and holds at most
 * {@code limit} chunks plus {@link #MAX_EVENTS} events. Thread-safe.
 */
final class TranscriptLogs {
  static final int MAX_EVENTS = 1000;

  private final Jdbi jdbi;
  private final String sessionId;

  TranscriptLogs(Jdbi jdbi, String sessionId) {
    this.jdbi = jdbi;
    this.sessionId = sessionId;
  }

  String sessionId() {
    return sessionId;
  }

  LogsPage page(LogsQuery query) {
    return switch (query.streams()) {
      case OUTPUT -> singleStream(query, Direction.OUTPUT);
      case INPUT -> singleStream(query, Direction.INPUT);
      case ALL -> bothStreams(query);
    };
  }

  private LogsPage singleStream(LogsQuery query, Direction direction) {
    List<TranscriptChunk> rows = chunks(query, direction, query.from(), query.limit() + 1);
    List<TranscriptChunk> items = rows.subList(0, Math.min(rows.size(), query.limit()));
    Optional<LogsPage.Cursor> next =
        rows.size() > query.limit()
            ? Optional.of(new LogsPage.Cursor(items.getLast().end(), Optional.empty()))
            : Optional.empty();
    List<EventRow> events =
        direction == Direction.OUTPUT
            ? eventsByOffset(query, query.from(), next.map(LogsPage.Cursor::from))
            : eventsByTime(query, items);
    return new LogsPage(items, events, next);
  }

  private LogsPage bothStreams(LogsQuery query) {
    List<TranscriptChunk> output = chunks(query, Direction.OUTPUT, query.from(), query.limit() + 1);
    List<TranscriptChunk> input =
        chunks(query, Direction.INPUT, query.inputFrom(), query.limit() + 1);
    List<TranscriptChunk> items = merge(output, input, query.limit());
    long outputFrom = query.from();
    long inputFrom = query.inputFrom();
    for (TranscriptChunk item : items) {
      if (item.direction() == Direction.OUTPUT) {
        outputFrom = item.end();
      } else {
        inputFrom = item.end();
      }
    }
    Optional<LogsPage.Cursor> next =
        output.size() + input.size() > items.size()
            ? Optional.of(new LogsPage.Cursor(outputFrom, Optional.of(inputFrom)))
            : Optional.empty();
    List<EventRow> events = eventsByOffset(query, query.from(), next.map(LogsPage.Cursor::from));
    return new LogsPage(items, events, next);
  }

  /** Merges two streams by time (input first on a tie), keeping each stream's order. */
  private static List<TranscriptChunk> merge(
      List<TranscriptChunk> output, List<TranscriptChunk> input, int limit) {
    List<TranscriptChunk> merged = new ArrayList<>(limit);
    int o = 0;
    int i = 0;
    while (merged.size() < limit && (o < output.size() || i < input.size())) {
      boolean takeInput =
          o == output.size()
              || (i < input.size()
                  && !input.get(i).recordedAt().isAfter(output.get(o).recordedAt()));
      merged.add(takeInput ? input.get(i++) : output.get(o++));
    }
    return merged;
  }

  private List<TranscriptChunk> chunks(LogsQuery query, Direction direction, long from, int limit) {
    TimeRange range = TimeRange.of(query.since(), query.until());
    SearchNeedle needle = SearchNeedle.of(query.text());
    if (!needle.isEmpty()) {
      return ChunkSearch.page(jdbi, sessionId, direction, from, range, needle, limit);
    }
    return jdbi.withExtension(
        TranscriptDao.class,
        dao ->
            dao.chunkPage(sessionId, direction.code(), from, range.since(), range.until(), limit));
  }

  /** Events at output offsets in [from, next page's from), or from {@code from} on if last. */
  private List<EventRow> eventsByOffset(LogsQuery query, long from, Optional<Long> to) {
    TimeRange range = TimeRange.of(query.since(), query.until());
    return jdbi.withExtension(
        TranscriptDao.class,
        dao ->
            dao.eventPage(
                sessionId,
                Long.MIN_VALUE,
                from,
                to.orElse(Long.MAX_VALUE),
                range.since(),
                range.until(),
                MAX_EVENTS));
  }

  /** Events recorded between the first and the last item of an input page, both included. */
  private List<EventRow> eventsByTime(LogsQuery query, List<TranscriptChunk> items) {
    if (items.isEmpty()) {
      return List.of();
    }
    TimeRange range =
        TimeRange.of(
            Optional.of(items.getFirst().recordedAt()),
            Optional.of(items.getLast().recordedAt().plusNanos(1_000)));
    return jdbi.withExtension(
        TranscriptDao.class,
        dao ->
            dao.eventPage(
                sessionId,
                Long.MIN_VALUE,
                0,
                Long.MAX_VALUE,
                range.since(),
                range.until(),
                MAX_EVENTS));
  }
}
