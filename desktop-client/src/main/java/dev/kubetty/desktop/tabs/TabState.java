package dev.kubetty.desktop.tabs;

/**
 * What a tab's connection is doing, as its badge shows it.
 *
 * <pre>
 *   CONNECTING ──ready──▶ LIVE ──drop──▶ RECONNECTING ──ready──▶ LIVE
 *        │                 │ 4409 ▶ BUSY ──take over──▶ CONNECTING
 *        │                 │ 4410 ▶ TAKEN_OVER ──take it back──▶ CONNECTING
 *        │                 │ 4401 ▶ (refresh ok ▶ CONNECTING) or LOGIN_REQUIRED ──log in──▶ CONNECTING
 *        └─────────────────┴ closed by us or for good ▶ CLOSED;  local shell ended ▶ EXITED
 *   exec tab: CONNECTING ──shell started──▶ LIVE ──shell exited──▶ ENDED ──reconnect──▶ CONNECTING
 *             CONNECTING ──refused, pod gone, unreachable…──▶ CLOSED ──reconnect──▶ CONNECTING
 * </pre>
 */
public enum TabState {
  CONNECTING("connecting"),
  LIVE("live"),
  RECONNECTING("reconnecting"),
  BUSY("busy"),
  TAKEN_OVER("taken over"),
  LOGIN_REQUIRED("login required"),
  CLOSED("closed"),
  EXITED("exited"),
  /** An exec tab's shell ended; the tab stays open and offers a new exec. */
  ENDED("ended");

  private final String label;

  TabState(String label) {
    this.label = label;
  }

  /** A short lower-case word for the tab badge. */
  public String label() {
    return label;
  }

  /** Whether output flows (or will by itself soon) so the user can type. */
  public boolean usable() {
    return this == LIVE || this == CONNECTING || this == RECONNECTING;
  }
}
