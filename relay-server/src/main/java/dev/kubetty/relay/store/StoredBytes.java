package dev.kubetty.relay.store;

/** A stored run of stream bytes starting at {@code streamOffset}. */
public record StoredBytes(long streamOffset, byte[] data) {
  /** The offset just past the last byte. */
  public long end() {
    return streamOffset + data.length;
  }
}
