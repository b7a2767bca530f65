package dev.kubetty.relay.logs;

import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.TranscriptChunk;
import java.util.List;
import java.util.Optional;

/**
 * One page of {@code GET /session/logs}.
 *
 * @param items chunks in stream order (with both streams: merged by time, input first on a tie)
 * @param events events that belong to the page's stretch of the session
 * @param next where the next page starts, or empty on the last page
 */
record LogsPage(List<TranscriptChunk> items, List<EventRow> events, Optional<Cursor> next) {
  /** The next page's {@code from} and (with both streams) {@code inputFrom}. */
  record Cursor(long from, Optional<Long> inputFrom) {}
}
