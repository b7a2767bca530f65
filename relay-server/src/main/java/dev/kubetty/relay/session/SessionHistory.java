package dev.kubetty.relay.session;

/**
 * Where a session's stream resumes after a relay restart: the stored output tail {@code tail} whose
 * first byte has offset {@code tailOffset}, so the stream goes on at {@code tailOffset +
 * tail.length} and reconnecting clients still see their history.
 *
 * @param inputOffset the next input offset (input bytes recorded so far)
 */
public record SessionHistory(long tailOffset, byte[] tail, long inputOffset) {
  /** A session that starts from nothing. */
  public static final SessionHistory EMPTY = new SessionHistory(0, new byte[0], 0);

  /** The offset of the next output byte. */
  public long endOffset() {
    return tailOffset + tail.length;
  }
}
