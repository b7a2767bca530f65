package dev.kubetty.relay.logs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** A half-open range [since, until) of {@code recorded_at}, open ends as far-away instants. */
record TimeRange(OffsetDateTime since, OffsetDateTime until) {
  private static final OffsetDateTime EARLIEST =
      OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  private static final OffsetDateTime LATEST =
      OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);

  static TimeRange of(Optional<Instant> since, Optional<Instant> until) {
    return new TimeRange(
        since.map(TimeRange::utc).orElse(EARLIEST), until.map(TimeRange::utc).orElse(LATEST));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
