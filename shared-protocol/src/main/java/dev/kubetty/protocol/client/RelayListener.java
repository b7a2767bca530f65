package dev.kubetty.protocol.client;

/**
 * Receives what a {@link RelayClient} reads from the relay and how its connection fares.
 *
 * <p><b>Threads.</b> Callbacks never run concurrently and arrive in the order the events happened.
 * They run on the thread that caused them: output and control messages on OkHttp's reader thread,
 * state changes also on the client's timer thread or on the thread that called {@link
 * RelayClient#connect()}, {@link RelayClient#close()} and the like. Hop to a UI thread yourself.
 *
 * <p><b>Backpressure.</b> The client acks output only after {@link #onOutput} returned, and OkHttp
 * reads no further frames while it runs. A slow consumer therefore slows the relay down (and in
 * turn the shell) instead of piling up memory. Do not block in a callback for long otherwise.
 *
 * <p>A callback may call any method of the client; events it causes are delivered after it returns.
 * An exception thrown by a callback is logged and the event is dropped.
 */
public interface RelayListener {

  /**
   * Terminal output. Gap-free and never repeating a byte, across reconnects too: the next call's
   * {@code offset} is this one's {@code offset + data.length} unless {@link #onGap} came between.
   *
   * @param offset stream offset of {@code data[0]}
   * @param data the bytes, at most 1 MiB; the array is the listener's to keep
   */
  void onOutput(long offset, byte[] data);

  /** The client moved to {@code state}; {@code detail} is a short sentence for people. */
  default void onStateChanged(State state, String detail) {}

  /**
   * Bytes {@code [from, to)} of the stream are gone: the relay no longer buffered them when the
   * client reconnected. Output continues at {@code to}.
   */
  default void onGap(long from, long to) {}

  /**
   * The relay's stream now ends before {@code seen}, the offset this client had reached: the relay
   * restarted and lost the tail {@code [offset, seen)} that this client already showed. Output
   * continues at {@code offset}, so the next {@link #onOutput} offset goes back. Consumers that
   * keep offsets (logs, scroll-back indexes) must treat it as a new stretch of the stream.
   */
  default void onRewind(long seen, long offset) {}

  /**
   * Output {@code [from, to)}, which arrives next, was written before this connection attached:
   * history the relay replays (a fresh client's scroll-back, or what a reconnect missed). A
   * terminal emulator fed this history answers the queries in it (cursor position, colours, device
   * attributes), and those answers must not reach the shell: drop what the emulator sends back
   * until it has taken in {@code to - from} bytes. Called before that output; not called when there
   * is nothing to replay.
   */
  default void onReplay(long from, long to) {}

  /**
   * The shell exited with {@code code}; it comes after all of that shell's output. The relay starts
   * a new shell and the stream goes on.
   */
  default void onExit(int code) {}

  /** The relay refused a request ({@code {"type":"error"}}); the connection stays open. */
  default void onError(String code, String message) {}

  /**
   * The client stopped for good; it follows {@code onStateChanged(CLOSED, …)}. {@code code} is a
   * WebSocket close code: 1000 after {@link RelayClient#close()}, or the relay's 4400, 4401, 4409
   * (busy), 4410 (taken over) or 1000. When the relay refused the upgrade with HTTP 4xx (other than
   * 408 and 429) the code is {@code 4000 + status}: 4401 unauthorized, 4403 forbidden, 4404 not
   * found.
   */
  default void onClosed(int code, String reason) {}
}
