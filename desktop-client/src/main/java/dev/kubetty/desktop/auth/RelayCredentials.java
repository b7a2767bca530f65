package dev.kubetty.desktop.auth;

/**
 * What a terminal connection needs from the login: the {@code Authorization} header for each
 * (re)connect, and a way to get a new access token when the relay says the old one is no good.
 * Implementations are thread-safe.
 */
public interface RelayCredentials {
  /** The header value ({@code "Bearer …"}) or {@code null} to send none. Never blocks. */
  String authorizationHeader();

  /**
   * Tries to get a fresh access token with the stored refresh token. Blocks on the network (never
   * call on the JavaFX thread). Returns whether a new token is now in place.
   */
  boolean refresh();

  /** No login: no header, and refreshing never helps. */
  static RelayCredentials none() {
    return new RelayCredentials() {
      @Override
      public String authorizationHeader() {
        return null;
      }

      @Override
      public boolean refresh() {
        return false;
      }
    };
  }
}
