package dev.kubetty.relay.bench;

/**
 * Receives output chunks with their arrival time. Called by one thread at a time (the PTY reader or
 * the client's listener thread); must be quick, since it delays the next chunk.
 */
@FunctionalInterface
interface OutputTap {
  /** The tap that ignores everything. */
  OutputTap NONE = (nanos, data, length) -> {};

  /**
   * @param nanos {@link System#nanoTime()} when the chunk arrived
   * @param data the chunk in {@code data[0..length)}; do not keep the array
   */
  void accept(long nanos, byte[] data, int length);
}
