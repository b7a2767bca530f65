package dev.kubetty.protocol.client;

/**
 * Where a {@link RelayClient} is in its life. Reported through {@link RelayListener#onStateChanged}
 * and readable at any time with {@link RelayClient#state()}.
 *
 * <pre>
 *   NEW ──connect()──▶ CONNECTING ──ready──▶ LIVE
 *                          │                  │ network drop, 1001, 1006, 1011
 *                          ▼                  ▼
 *                     RECONNECTING ◀──────────┘ ──ready──▶ LIVE …
 *   any state ──close(), 1000, 4400, 4401, 4409, 4410, HTTP 4xx──▶ CLOSED
 *   CLOSED (by the relay) ──takeOver()──▶ CONNECTING
 * </pre>
 */
public enum State {
  /** Built, {@link RelayClient#connect()} not called yet. */
  NEW,
  /** Opening the first socket, or a take-over socket, and waiting for {@code ready}. */
  CONNECTING,
  /** Attached: output flows and input is sent at once. */
  LIVE,
  /** The connection was lost; waiting for the backoff timer or for the next {@code ready}. */
  RECONNECTING,
  /** Final: no socket and no more reconnects. */
  CLOSED
}
