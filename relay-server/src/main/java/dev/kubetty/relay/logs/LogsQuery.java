package dev.kubetty.relay.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@code GET /session/logs} request, validated.
 *
 * @param streams which streams to list
 * @param from the first offset of the listed stream; with {@link Streams#ALL}, of the output stream
 * @param inputFrom with {@link Streams#ALL}, the first offset of the input stream (else unused)
 * @param since only rows recorded at or after this instant
 * @param until only rows recorded before this instant
 * @param limit at most this many items (1-1000)
 * @param text only chunks containing this text (empty: no search); at most 256 bytes as UTF-8
 */
record LogsQuery(
    Streams streams,
    long from,
    long inputFrom,
    Optional<Instant> since,
    Optional<Instant> until,
    int limit,
    String text) {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  static final int MAX_TEXT_BYTES = 256;

  /** The streams a page lists: {@code direction=output|input|all}. */
  enum Streams {
    OUTPUT,
    INPUT,
    ALL;

    static Streams parse(String value) {
      return switch (value) {
        case "output" -> OUTPUT;
        case "input" -> INPUT;
        case "all" -> ALL;
        default -> throw new BadRequestException("direction must be output, input or all");
      };
    }
  }

  static LogsQuery parse(Parameters parameters) {
    Streams streams = Streams.parse(parameters.text("direction").orElse("output"));
    Optional<Instant> since = parameters.instant("since");
    Optional<Instant> until = parameters.instant("until");
    Parameters.checkRange(since, until);
    String text = parameters.text("q").orElse("");
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
      throw new BadRequestException("q must be at most " + MAX_TEXT_BYTES + " bytes");
    }
    return new LogsQuery(
        streams,
        parameters.offset("from"),
        parameters.offset("inputFrom"),
        since,
        until,
        parameters.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
        text);
  }
}
