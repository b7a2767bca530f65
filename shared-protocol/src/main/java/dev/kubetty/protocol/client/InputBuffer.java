package dev.kubetty.protocol.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyboard input typed while no connection is live, kept in order until the next {@code ready}.
 * Bounded in bytes. Not thread-safe: the owner guards it.
 */
final class InputBuffer {
  private final long capacityBytes;
  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private long sizeBytes;

  InputBuffer(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  /**
   * Keeps {@code input}, which the caller hands over and no longer changes; false, keeping nothing,
   * if it would exceed the capacity.
   */
  boolean offer(byte[] input) {
    if (sizeBytes + input.length > capacityBytes) {
      return false;
    }
    chunks.add(input);
    sizeBytes += input.length;
    return true;
  }

  /** Removes and returns everything buffered, oldest first. */
  List<byte[]> drain() {
    List<byte[]> all = new ArrayList<>(chunks);
    chunks.clear();
    sizeBytes = 0;
    return all;
  }

  long sizeBytes() {
    return sizeBytes;
  }
}
