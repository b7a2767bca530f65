package dev.kubetty.desktop.tabs;

import dev.kubetty.protocol.client.State;
import java.util.Objects;

/**
 * A tab's connection state with a sentence for people and the action the banner offers. Pure
 * values; {@link #of(State, String)} and {@link #afterClose(int, String, boolean)} are the state
 * machine's transitions from the relay client's events.
 *
 * @param state the badge state
 * @param message a short sentence, empty while live
 * @param action what the banner button does, {@link TabAction#NONE} for no banner button
 */
public record TabStatus(TabState state, String message, TabAction action) {
  public TabStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(action, "action");
  }

  /** The first state of every tab. */
  public static TabStatus connecting() {
    return new TabStatus(TabState.CONNECTING, "Connecting…", TabAction.NONE);
  }

  /** A local shell that ended with {@code exitCode}. */
  public static TabStatus exited(int exitCode) {
    return new TabStatus(
        TabState.EXITED, "The shell exited with code " + exitCode + ".", TabAction.NONE);
  }

  /** An exec tab's shell ended with {@code exitCode}; Enter, R or the button opens a new one. */
  public static TabStatus ended(int exitCode) {
    return new TabStatus(
        TabState.ENDED,
        "The shell exited with code " + exitCode + ". Press Enter or R to reconnect.",
        TabAction.RECONNECT);
  }

  /** An exec tab whose shell could not start or was cut: {@code why}, and a reconnect. */
  public static TabStatus failed(String why) {
    return new TabStatus(TabState.CLOSED, why, TabAction.RECONNECT);
  }

  /** Logging in or refreshing failed and a person must log in. */
  public static TabStatus loginRequired(String why) {
    return new TabStatus(TabState.LOGIN_REQUIRED, why, TabAction.LOG_IN);
  }

  /** The status for a relay client state change (final closes go through {@link #afterClose}). */
  public static TabStatus of(State state, String detail) {
    return switch (state) {
      case NEW, CONNECTING -> connecting();
      case LIVE -> new TabStatus(TabState.LIVE, "", TabAction.NONE);
      case RECONNECTING ->
          new TabStatus(
              TabState.RECONNECTING,
              "Connection lost — reconnecting" + (detail.isBlank() ? "…" : ": " + detail),
              TabAction.NONE);
      case CLOSED -> new TabStatus(TabState.CLOSED, "Disconnected.", TabAction.RECONNECT);
    };
  }

  /**
   * The status after the relay client stopped for good with {@code code}.
   *
   * @param closedByUs whether this app closed it (tab closing, app quitting)
   */
  public static TabStatus afterClose(int code, String reason, boolean closedByUs) {
    if (closedByUs) {
      return new TabStatus(TabState.CLOSED, "Closed.", TabAction.NONE);
    }
    return switch (code) {
      case 4409 ->
          new TabStatus(
              TabState.BUSY, "Another window is attached to this session.", TabAction.TAKE_OVER);
      case 4410 ->
          new TabStatus(
              TabState.TAKEN_OVER, "Another window took this session over.", TabAction.TAKE_BACK);
      case 4401 -> loginRequired("Your login expired. Log in again to continue.");
      case 4403 -> new TabStatus(TabState.CLOSED, "The relay refused access.", TabAction.RECONNECT);
      case 4404 ->
          new TabStatus(
              TabState.CLOSED, "No terminal at this address. Check the relay URL.", TabAction.NONE);
      case 4400 ->
          new TabStatus(
              TabState.CLOSED,
              "The relay closed the connection: protocol error.",
              TabAction.RECONNECT);
      default ->
          new TabStatus(
              TabState.CLOSED,
              "The relay ended the session" + (reason.isBlank() ? "." : ": " + reason),
              TabAction.RECONNECT);
    };
  }
}
