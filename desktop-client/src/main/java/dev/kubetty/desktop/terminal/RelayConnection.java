package dev.kubetty.desktop.terminal;

import dev.kubetty.desktop.auth.RelayCredentials;
import dev.kubetty.desktop.tabs.TabStatus;
import dev.kubetty.protocol.client.RelayClient;
import dev.kubetty.protocol.client.RelayListener;
import dev.kubetty.protocol.client.State;
import java.net.URI;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relay tab's connection: a {@link RelayClient} feeding a {@link StreamTtyConnector}, plus the
 * decisions the client leaves to us. A login that expired (4401) is refreshed and the tab
 * reconnects with {@code resumeFrom} = the old client's offset and the same client id, so no byte
 * is lost or shown twice; busy (4409) and taken over (4410) wait for {@link #takeOver()}.
 *
 * <p><b>Threads.</b> Status updates go to the listener on the client's threads (hop to the UI
 * thread yourself). Commands may be called from any thread. Token refreshes run on a virtual
 * thread. Lost bytes and shell exits are written into the terminal as a marked line.
 */
public final class RelayConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RelayConnection.class);

  private final URI webSocket;
  private final RelayCredentials credentials;
  private final Consumer<TabStatus> statusListener;
  private final String clientId = UUID.randomUUID().toString();
  private final StreamTtyConnector connector;
  private final Object lock = new Object();
  private RelayClient client;
  private int generation;
  private int cols = 80;
  private int rows = 24;
  private boolean closedByUs;

  /** A connection to {@code webSocket}; nothing happens until {@link #connect()}. */
  public RelayConnection(
      URI webSocket, RelayCredentials credentials, Consumer<TabStatus> statusListener) {
    this.webSocket = webSocket;
    this.credentials = credentials;
    this.statusListener = statusListener;
    this.connector = new StreamTtyConnector(webSocket.toString(), new ClientSink());
  }

  /** The emulator side: hand it to the terminal widget. */
  public StreamTtyConnector connector() {
    return connector;
  }

  /** Connects with the relay's buffered history first. */
  public void connect() {
    open(null, false);
  }

  /**
   * Starts a new client that resumes where the last one stopped (after a login, or the user's
   * "Reconnect").
   */
  public void reconnect() {
    open(resumeOffset(), false);
  }

  /** After busy or taken over: attach anyway, replacing the other client. */
  public void takeOver() {
    RelayClient current;
    synchronized (lock) {
      current = client;
    }
    if (current == null || !current.takeOver()) {
      open(resumeOffset(), true);
    }
  }

  /** Cuts the socket without a close frame, as a network drop would (tests, benchmarks). */
  public void dropConnection() {
    synchronized (lock) {
      if (client != null) {
        client.dropConnection();
      }
    }
  }

  /** The next output offset this tab expects, or −1 before the first byte. */
  public long offset() {
    synchronized (lock) {
      return client == null ? -1 : client.offset();
    }
  }

  @Override
  public void close() {
    RelayClient current;
    synchronized (lock) {
      closedByUs = true;
      current = client;
    }
    if (current != null) {
      current.close();
    }
    connector.close();
  }

  private Long resumeOffset() {
    long offset = offset();
    return offset >= 0 ? offset : null;
  }

  private void open(Long resumeFrom, boolean takeover) {
    RelayClient previous;
    RelayClient next;
    synchronized (lock) {
      if (closedByUs) {
        return;
      }
      previous = client;
      int mine = ++generation;
      next =
          RelayClient.builder(webSocket)
              .size(cols, rows)
              .clientId(clientId)
              .resumeFrom(resumeFrom)
              .takeover(takeover)
              .authorization(credentials::authorizationHeader)
              .listener(new Events(mine))
              .build();
      client = next;
    }
    if (previous != null) {
      previous.close();
    }
    statusListener.accept(TabStatus.connecting());
    next.connect();
  }

  private boolean current(int generationOfEvent) {
    synchronized (lock) {
      return generationOfEvent == generation && !closedByUs;
    }
  }

  private void onFinalClose(int code, String reason) {
    if (code == 4401) {
      Thread.ofVirtual()
          .name("kubetty-refresh")
          .start(
              () -> {
                if (credentials.refresh()) {
                  log.info("event=reauthenticated ws={}", webSocket);
                  reconnect();
                } else {
                  statusListener.accept(TabStatus.afterClose(code, reason, false));
                }
              });
      return;
    }
    statusListener.accept(TabStatus.afterClose(code, reason, false));
  }

  private final class ClientSink implements StreamTtyConnector.Sink {
    @Override
    public void input(byte[] bytes) {
      synchronized (lock) {
        if (client != null) {
          client.send(bytes);
        }
      }
    }

    @Override
    public void resize(int newCols, int newRows) {
      if (newCols < 1 || newRows < 1) {
        return;
      }
      synchronized (lock) {
        cols = Math.min(newCols, 1000);
        rows = Math.min(newRows, 500);
        if (client != null) {
          client.resize(cols, rows);
        }
      }
    }
  }

  private final class Events implements RelayListener {
    private final int mine;

    Events(int mine) {
      this.mine = mine;
    }

    @Override
    public void onOutput(long offset, byte[] data) {
      if (current(mine)) {
        connector.offer(data);
      }
    }

    @Override
    public void onReplay(long from, long to) {
      if (current(mine)) {
        connector.replayFollows(to - from);
      }
    }

    @Override
    public void onStateChanged(State state, String detail) {
      if (state != State.CLOSED && current(mine)) {
        statusListener.accept(TabStatus.of(state, detail));
      }
    }

    @Override
    public void onGap(long from, long to) {
      if (current(mine)) {
        connector.offerText(TerminalNotices.gap(to - from));
      }
    }

    @Override
    public void onRewind(long seen, long offset) {
      if (current(mine)) {
        connector.offerText(TerminalNotices.rewind(seen - offset));
      }
    }

    @Override
    public void onExit(int code) {
      if (current(mine)) {
        connector.offerText(TerminalNotices.shellExited(code));
      }
    }

    @Override
    public void onClosed(int code, String reason) {
      if (current(mine)) {
        onFinalClose(code, reason == null ? "" : reason);
      }
    }
  }
}
