package dev.kubetty.relay.bench;

import dev.kubetty.protocol.client.RelayClient;
import dev.kubetty.protocol.client.RelayListener;
import dev.kubetty.protocol.client.State;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * A {@link RelayClient} whose output goes to a replaceable {@link OutputTap}, stamped with its
 * arrival time on the client's reader thread. Closing it closes the client (1000).
 */
final class BenchClient implements Keyboard, AutoCloseable {
  static final int COLS = 200;
  static final int ROWS = 50;

  private final RelayClient client;
  private volatile OutputTap tap = OutputTap.NONE;
  private volatile String closedReason;

  private BenchClient(URI uri, OkHttpClient http, String clientId, Long resumeFrom) {
    this.client =
        RelayClient.builder(uri)
            .size(COLS, ROWS)
            .clientId(clientId)
            .resumeFrom(resumeFrom)
            .okHttpClient(http)
            .pingInterval(Duration.ZERO)
            .listener(new Listener())
            .build();
  }

  /** A client that is not connected yet; set a tap, then {@link #connect()}. */
  static BenchClient create(URI uri, OkHttpClient http, String clientId, Long resumeFrom) {
    return new BenchClient(uri, http, clientId, resumeFrom);
  }

  @Override
  public void tap(OutputTap newTap) {
    this.tap = newTap;
  }

  void connect() {
    client.connect();
  }

  @Override
  public void send(byte[] bytes) {
    if (!client.send(bytes)) {
      throw new BenchException("relay client refused input: " + closedReason);
    }
  }

  long offset() {
    return client.offset();
  }

  String clientId() {
    return client.clientId();
  }

  @Override
  public void close() {
    client.close();
  }

  private final class Listener implements RelayListener {
    @Override
    public void onOutput(long offset, byte[] data) {
      tap.accept(System.nanoTime(), data, data.length);
    }

    @Override
    public void onStateChanged(State state, String detail) {
      if (state == State.CLOSED) {
        closedReason = detail;
      }
    }
  }
}
