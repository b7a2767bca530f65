package dev.kubetty.relay.logs;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.jetty.util.Fields;

/** Typed reads of query parameters; a malformed value is a {@link BadRequestException}. */
final class Parameters {
  private final Fields fields;

  Parameters(Fields fields) {
    this.fields = fields;
  }

  Optional<String> text(String name) {
    String value = fields.getValue(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  long offset(String name) {
    String value = text(name).orElse("0");
    try {
      long offset = Long.parseLong(value);
      if (offset >= 0) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new BadRequestException(name + " must be a stream offset (an integer >= 0)");
  }

  int integer(String name, int fallback, int min, int max) {
    String value = text(name).orElse(Integer.toString(fallback));
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new BadRequestException(name + " must be " + min + "-" + max);
  }

  Optional<Instant> instant(String name) {
    try {
      return text(name).map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          name + " must be an ISO-8601 instant such as 2026-01-02T03:04:05Z");
    }
  }

  boolean flag(String name) {
    return switch (text(name).orElse("false")) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new BadRequestException(name + " must be true or false");
    };
  }

  /** Checks that {@code since} is before {@code until} when both are given. */
  static void checkRange(Optional<Instant> since, Optional<Instant> until) {
    if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
      throw new BadRequestException("since must be before until");
    }
  }
}
