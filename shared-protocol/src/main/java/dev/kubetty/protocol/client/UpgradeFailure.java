package dev.kubetty.protocol.client;

/** Tells a failed connection attempt worth retrying from one that would fail the same way again. */
final class UpgradeFailure {
  private UpgradeFailure() {}

  /**
   * Whether an HTTP status at upgrade is final. A 4xx (401, 403, 404, …) would be refused again;
   * 408 and 429 say "try later". 5xx and no status at all (network failure) are retried.
   */
  static boolean isFinal(int httpStatus) {
    return httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429;
  }

  /** A short reason for a state detail or log line; never contains headers or tokens. */
  static String describe(Throwable failure, int httpStatus) {
    if (httpStatus > 0) {
      return "HTTP " + httpStatus + " at upgrade";
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }
}
