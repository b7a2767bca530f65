package dev.kubetty.relay.bench;

/** What the throughput runs print. */
public enum Payload {
  /**
   * One byte, {@code x}, over and over: the cheapest output there is for the terminal, deflate and
   * the transcript, so the runs time the paths themselves.
   */
  FILL,
  /**
   * The digits and spaces of {@code seq 1 …} (no newlines): it compresses about 3x, as terminal
   * text does, so deflate and the transcript's compression do the work they do in real use.
   */
  TEXT
}
