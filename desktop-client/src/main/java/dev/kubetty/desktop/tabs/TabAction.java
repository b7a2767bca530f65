package dev.kubetty.desktop.tabs;

/** The one thing a tab's banner offers to do about its state, if any. */
public enum TabAction {
  NONE(""),
  TAKE_OVER("Take over"),
  TAKE_BACK("Take it back"),
  LOG_IN("Log in"),
  RECONNECT("Reconnect");

  private final String buttonText;

  TabAction(String buttonText) {
    this.buttonText = buttonText;
  }

  /** The banner button's text. */
  public String buttonText() {
    return buttonText;
  }
}
