package dev.kubetty.relay.transcript;

/** How the transcript writer is doing, for {@code /readyz} and logs. */
public sealed interface WriterHealth {
  /** Rows go straight to the database. */
  record Ok() implements WriterHealth {}

  /**
   * Rows go to (or are being replayed from) the local spool; nothing is lost unless {@code
   * lostBytes} is non-zero (memory hard cap hit while the writer thread was stuck).
   */
  record Degraded(String reason, long spooledBytes, long lostBytes) implements WriterHealth {}
}
