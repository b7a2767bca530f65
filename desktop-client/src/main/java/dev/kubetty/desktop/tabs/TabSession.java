package dev.kubetty.desktop.tabs;

import com.techsenger.jeditermfx.core.TtyConnector;

/**
 * What stands behind one tab: a relay connection or a local shell. Implementations live in the
 * terminal package; the tab model only drives them through this interface.
 */
public interface TabSession extends AutoCloseable {
  /** The byte stream for the terminal widget. */
  TtyConnector connector();

  /**
   * Where status changes go, on any thread; set once, before {@link #start()}. The tab model sets
   * it.
   */
  void setStatusListener(java.util.function.Consumer<TabStatus> listener);

  /** Starts connecting (relay) or nothing (a local shell runs already). */
  void start();

  /** Carries out the banner's action. */
  void perform(TabAction action);

  /** Ends the connection or the shell; idempotent. */
  @Override
  void close();
}
