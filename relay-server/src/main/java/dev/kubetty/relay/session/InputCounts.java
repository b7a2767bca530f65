package dev.kubetty.relay.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input bytes the session has taken per client id since the relay started, so that a client that
 * comes back after a dropped connection learns how much of its input arrived ({@code ready.input},
 * PROTOCOL.md section 5.1). The ids least recently used are forgotten beyond {@link #MAX_CLIENTS};
 * a forgotten id is treated like a new one. Not thread-safe: the session guards it.
 */
final class InputCounts {
  static final int MAX_CLIENTS = 256;

  private final Map<String, Long> counts =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > MAX_CLIENTS;
        }
      };

  /**
   * A connection of {@code clientId} attached: how many of its input bytes were taken before, or
   * null if the id is new (it is counted from 0 from now on) or null.
   */
  Long attached(String clientId) {
    if (clientId == null) {
      return null;
    }
    Long taken = counts.get(clientId);
    if (taken == null) {
      counts.put(clientId, 0L);
    }
    return taken;
  }

  /** {@code bytes} of {@code clientId}'s input were taken. */
  void took(String clientId, int bytes) {
    if (clientId != null) {
      counts.merge(clientId, (long) bytes, Long::sum);
    }
  }
}
