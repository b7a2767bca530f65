package dev.kubetty.protocol.client;

import dev.kubetty.protocol.Protocol;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * A reconnecting client for one relay session, protocol {@code kubetty.v1}.
 *
 * <p><b>Lifecycle.</b> {@link #builder} → {@link Builder#build()} (state {@link State#NEW}) →
 * {@link #connect()} → {@link State#CONNECTING} → {@code ready} → {@link State#LIVE}. A network
 * drop or a relay close 1001, 1006 or 1011 leads to {@link State#RECONNECTING}: the client waits
 * (exponential backoff with full jitter, {@code min} for the first retry, growing to {@code max},
 * reset once a connection is live) and says hello again with {@code resumeFrom = }{@link
 * #offset()}, {@code takeover: false} and the same client id, so the relay replaces this client's
 * own stale socket and the consumer sees every byte once. Close codes 1000, 4400, 4401, 4409, 4410
 * and HTTP 4xx at upgrade are final: {@link State#CLOSED} and {@link RelayListener#onClosed}. After
 * 4409 or 4410 {@link #takeOver()} attaches anyway. {@link #close()} ends everything; always call
 * it.
 *
 * <p><b>Threads.</b> Every method may be called from any thread and none blocks on the network.
 * Listener callbacks are serialized as described in {@link RelayListener}. Reconnect timers run on
 * one daemon thread per client; OkHttp's threads do the I/O.
 *
 * <p><b>Limits.</b> Input typed while not live is buffered, at most 1 MiB, and sent right after the
 * next {@code ready}, in order. Input handed to a socket that then fails is lost: keystrokes are
 * at-most-once, output is exactly-once (or reported as a gap).
 */
public final class RelayClient implements AutoCloseable {
  /**
   * A {@link Builder#resumeFrom} that asks for no history: the relay answers a {@code resumeFrom}
   * beyond its end with its current end, so output starts with what the shell prints next.
   */
  public static final long LATEST = Long.MAX_VALUE;

  /** Most input bytes kept while not live: 1 MiB. */
  public static final long MAX_PENDING_INPUT_BYTES = ReconnectingSocket.MAX_PENDING_INPUT_BYTES;

  private final ReconnectingSocket socket;
  private final String clientId;

  private RelayClient(Settings settings) {
    this.socket = new ReconnectingSocket(settings);
    this.clientId = settings.clientId();
  }

  /** Starts building a client for a relay WebSocket URI such as {@code ws://127.0.0.1:8080/ws}. */
  public static Builder builder(URI wsUri) {
    return new Builder(wsUri);
  }

  /** Starts connecting in the background. Only the first call does anything. */
  public void connect() {
    socket.connect();
  }

  /**
   * Sends keyboard bytes (copied). While not live they are buffered and sent after the next {@code
   * ready}. Returns false, sending nothing, once {@link State#CLOSED} or if the buffer would exceed
   * {@link #MAX_PENDING_INPUT_BYTES}.
   */
  public boolean send(byte[] input) {
    return socket.send(Objects.requireNonNull(input, "input"));
  }

  /**
   * Sets the terminal size: sent now if live and used in every later hello.
   *
   * @throws IllegalArgumentException if outside 1–1000 columns or 1–500 rows
   */
  public void resize(int cols, int rows) {
    checkSize(cols, rows);
    socket.resize(cols, rows);
  }

  /**
   * After the relay closed this client for good (4409 busy, 4410 taken over, or any other final
   * code), connects once more with {@code takeover: true}, resuming from {@link #offset()}; later
   * reconnects say {@code takeover: false} again. Returns false, doing nothing, in any other state
   * or after {@link #close()}.
   */
  public boolean takeOver() {
    return socket.takeOver();
  }

  /**
   * The next output offset the consumer expects: the offset of the last delivered byte plus one, or
   * the builder's {@code resumeFrom}, or −1 while unknown (before the first {@code ready}). During
   * {@link RelayListener#onOutput} it already counts the bytes being delivered.
   */
  public long offset() {
    return socket.offset();
  }

  /** The current state; it may change right after this returns. */
  public State state() {
    return socket.state();
  }

  /** The id sent in every hello: the builder's, or a random UUID. */
  public String clientId() {
    return clientId;
  }

  /**
   * Cancels the current socket abruptly (no close frame) and reconnects as after a network drop.
   * Meant for tests and benchmarks; does nothing when there is no socket.
   */
  public void dropConnection() {
    socket.dropConnection();
  }

  /**
   * Closes with 1000, stops reconnecting and releases the client's threads; state {@link
   * State#CLOSED} and {@code onClosed(1000, …)} unless already closed. Idempotent.
   */
  @Override
  public void close() {
    socket.close();
  }

  private static void checkSize(int cols, int rows) {
    if (!Protocol.isValidSize(cols, rows)) {
      throw new IllegalArgumentException("size " + cols + "x" + rows + " outside 1-1000 x 1-500");
    }
  }

  /** Collects a client's settings; not thread-safe. {@link #listener} is required. */
  public static final class Builder {
    private final URI uri;
    private int cols = 80;
    private int rows = 24;
    private RelayListener listener;
    private String clientId = UUID.randomUUID().toString();
    private Long resumeFrom;
    private boolean takeover;
    private Supplier<String> authorization = () -> null;
    private Duration backoffMin = Duration.ofMillis(100);
    private Duration backoffMax = Duration.ofSeconds(5);
    private Duration pingInterval = Duration.ofSeconds(10);
    private OkHttpClient okHttpClient;

    private Builder(URI uri) {
      String scheme = Objects.requireNonNull(uri, "uri").getScheme();
      if (!"ws".equals(scheme) && !"wss".equals(scheme) || uri.getHost() == null) {
        throw new IllegalArgumentException("relay URI must be ws://host/… or wss://host/…");
      }
      this.uri = uri;
    }

    /** Initial terminal size; default 80×24. */
    public Builder size(int cols, int rows) {
      checkSize(cols, rows);
      this.cols = cols;
      this.rows = rows;
      return this;
    }

    /** Receives output and events; required. */
    public Builder listener(RelayListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The id kept across reconnects; default a random UUID. */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    /**
     * The first output offset wanted: {@code null} (default) for the relay's buffered history,
     * {@link #LATEST} for none.
     */
    public Builder resumeFrom(Long offset) {
      if (offset != null && offset < 0) {
        throw new IllegalArgumentException("resumeFrom must be >= 0, got " + offset);
      }
      this.resumeFrom = offset;
      return this;
    }

    /** Whether hellos say {@code takeover: true} until the first {@code ready}; default false. */
    public Builder takeover(boolean takeover) {
      this.takeover = takeover;
      return this;
    }

    /**
     * Supplies the {@code Authorization} header value (such as {@code "Bearer …"}) or {@code null}
     * for none. Called on the client's timer thread before every (re)connect; never logged.
     */
    public Builder authorization(Supplier<String> headerValue) {
      this.authorization = Objects.requireNonNull(headerValue, "headerValue");
      return this;
    }

    /** Reconnect waits; default 100 ms to 5 s. */
    public Builder backoff(Duration min, Duration max) {
      Backoff.check(min, max);
      this.backoffMin = min;
      this.backoffMax = max;
      return this;
    }

    /** WebSocket ping interval that detects a dead peer; default 10 s, zero disables. */
    public Builder pingInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("pingInterval must not be negative");
      }
      this.pingInterval = interval;
      return this;
    }

    /** A client to share connection pool and dispatcher with; it is never shut down by us. */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = client;
      return this;
    }

    /** Builds a client in state {@link State#NEW}; call {@link RelayClient#connect()} next. */
    public RelayClient build() {
      if (listener == null) {
        throw new IllegalStateException("listener is required");
      }
      return new RelayClient(
          new Settings(
              uri,
              cols,
              rows,
              listener,
              clientId,
              resumeFrom,
              takeover,
              authorization,
              backoffMin,
              backoffMax,
              pingInterval,
              okHttpClient));
    }
  }
}
