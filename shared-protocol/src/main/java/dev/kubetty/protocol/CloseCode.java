package dev.kubetty.protocol;

import java.util.Optional;

/** WebSocket close codes used by protocol {@code kubetty.v1}. */
public enum CloseCode {
  /** The peer is done. */
  NORMAL(1000),
  /** The relay is shutting down or restarting; reconnecting later is expected to work. */
  GOING_AWAY(1001),
  /** The connection dropped without a close frame (never sent on the wire). */
  ABNORMAL(1006),
  /** The relay hit an internal error. */
  INTERNAL_ERROR(1011),
  /** Malformed, oversized or unknown frame, or a missing or late hello. */
  PROTOCOL_ERROR(4400),
  /** Authentication expired or was revoked during the session. */
  UNAUTHORIZED(4401),
  /**
   * Exec sockets ({@code GET /exec}) only: no valid exec ticket — none in time, unknown, used,
   * expired, or another user's. The same code a client sees for an HTTP 403 at the upgrade.
   */
  FORBIDDEN(4403),
  /** Another client is attached; retry with {@code takeover: true} to replace it. */
  BUSY(4409),
  /** Another client took the session over. */
  TAKEN_OVER(4410);

  private final int code;

  CloseCode(int code) {
    this.code = code;
  }

  /** The numeric close code. */
  public int code() {
    return code;
  }

  /** The enum constant for {@code code}, if it is one of ours. */
  public static Optional<CloseCode> of(int code) {
    for (CloseCode c : values()) {
      if (c.code == code) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a client should reconnect by itself after the relay closed with this code. Codes that
   * need a person's decision (busy, taken over, auth) or that would fail again (protocol error) are
   * final.
   */
  public static boolean isReconnectable(int code) {
    return switch (of(code).orElse(INTERNAL_ERROR)) {
      case GOING_AWAY, ABNORMAL, INTERNAL_ERROR -> true;
      case NORMAL, PROTOCOL_ERROR, UNAUTHORIZED, FORBIDDEN, BUSY, TAKEN_OVER -> false;
    };
  }
}
