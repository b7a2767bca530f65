package dev.kubetty.relay.logs;

/** A query parameter is missing its form or range; the message is shown to the caller as is. */
final class BadRequestException extends RuntimeException {
  BadRequestException(String message) {
    super(message, null, false, false);
  }
}
