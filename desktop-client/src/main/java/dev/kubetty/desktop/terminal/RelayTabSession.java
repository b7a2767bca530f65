package dev.kubetty.desktop.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import dev.kubetty.desktop.auth.RelayCredentials;
import dev.kubetty.desktop.tabs.TabAction;
import dev.kubetty.desktop.tabs.TabSession;
import dev.kubetty.desktop.tabs.TabStatus;
import java.net.URI;
import java.util.function.Consumer;

/**
 * A tab attached to a relay. {@link TabAction#LOG_IN} is handled by the app (it shows the login
 * dialog and then calls {@link #perform} with {@link TabAction#RECONNECT}).
 */
public final class RelayTabSession implements TabSession {
  private final RelayConnection connection;
  private volatile Consumer<TabStatus> listener = status -> {};

  public RelayTabSession(URI webSocket, RelayCredentials credentials) {
    this.connection = new RelayConnection(webSocket, credentials, s -> listener.accept(s));
  }

  /** The connection, for tests and the benchmark (drop it, read its offset). */
  public RelayConnection connection() {
    return connection;
  }

  @Override
  public TtyConnector connector() {
    return connection.connector();
  }

  @Override
  public void setStatusListener(Consumer<TabStatus> listener) {
    this.listener = listener;
  }

  @Override
  public void start() {
    connection.connect();
  }

  @Override
  public void perform(TabAction action) {
    switch (action) {
      case TAKE_OVER, TAKE_BACK -> connection.takeOver();
      case RECONNECT, LOG_IN -> connection.reconnect();
      case NONE -> {}
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
