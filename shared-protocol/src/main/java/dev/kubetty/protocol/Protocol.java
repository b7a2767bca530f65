package dev.kubetty.protocol;

/** Constants of protocol {@code kubetty.v1} shared by relay and clients. */
public final class Protocol {
  /** The WebSocket subprotocol name. */
  public static final String SUBPROTOCOL = "kubetty.v1";

  /** The WebSocket path on the relay. */
  public static final String WEBSOCKET_PATH = "/ws";

  /** Largest frame, text or binary, a peer may send: 1 MiB. */
  public static final int MAX_FRAME_BYTES = 1 << 20;

  /** Smallest and largest accepted terminal sizes. */
  public static final int MIN_COLS = 1, MAX_COLS = 1000, MIN_ROWS = 1, MAX_ROWS = 500;

  /** A client must send {@code hello} within this many milliseconds of the upgrade. */
  public static final long HELLO_TIMEOUT_MILLIS = 10_000;

  private Protocol() {}

  /** Whether a terminal size is within the accepted bounds. */
  public static boolean isValidSize(int cols, int rows) {
    return cols >= MIN_COLS && cols <= MAX_COLS && rows >= MIN_ROWS && rows <= MAX_ROWS;
  }
}
