package dev.kubetty.relay.logs;

import java.time.Instant;

/**
 * What an asciicast starts with: the size in effect at the start (80x24 if no resize is stored
 * before it) and the instant all event times count from.
 */
record CastHeader(Instant start, int width, int height) {
  static final int DEFAULT_WIDTH = 80;
  static final int DEFAULT_HEIGHT = 24;
}
