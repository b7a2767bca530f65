package dev.kubetty.relay.bench;

/** A benchmark step failed or timed out; the message says which, for people. */
public final class BenchException extends RuntimeException {
  public BenchException(String message) {
    super(message);
  }

  public BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
