package dev.kubetty.relay.logs;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Function;

/**
 * Walks rows a page at a time: {@code nextPage} gets the last row taken (null at the start) and
 * returns the rows after it; an empty page ends the walk. Holds at most one page. Not thread-safe.
 */
final class PagedCursor<T> {
  private final Function<T, List<T>> nextPage;
  private final ArrayDeque<T> buffered = new ArrayDeque<>();
  private T last;
  private boolean exhausted;

  PagedCursor(Function<T, List<T>> nextPage) {
    this.nextPage = nextPage;
  }

  /** The next row without taking it, or null when there are no more. */
  T peek() {
    if (buffered.isEmpty() && !exhausted) {
      List<T> page = nextPage.apply(last);
      exhausted = page.isEmpty();
      buffered.addAll(page);
    }
    return buffered.peekFirst();
  }

  /** Takes the row {@link #peek} returned. */
  T take() {
    T row = peek();
    buffered.removeFirst();
    last = row;
    return row;
  }
}
