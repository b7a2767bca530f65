package dev.kubetty.relay.session;

/**
 * A shell exit at a point in the stream: every byte below {@code offset} came from that shell or an
 * earlier one.
 *
 * @param sequence 0 for the first exit of the session, then 1, 2, …
 */
record ExitEvent(long sequence, long offset, int code) {}
