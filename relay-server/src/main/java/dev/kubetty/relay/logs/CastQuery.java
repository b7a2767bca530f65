package dev.kubetty.relay.logs;

import java.time.Instant;
import java.util.Optional;

/**
 * A {@code GET /session/logs.cast} request, validated.
 *
 * @param since only rows recorded at or after this instant
 * @param until only rows recorded before this instant
 * @param input whether to include input ({@code "i"}) events
 */
record CastQuery(Optional<Instant> since, Optional<Instant> until, boolean input) {
  static CastQuery parse(Parameters parameters) {
    Optional<Instant> since = parameters.instant("since");
    Optional<Instant> until = parameters.instant("until");
    Parameters.checkRange(since, until);
    return new CastQuery(since, until, parameters.flag("input"));
  }
}
