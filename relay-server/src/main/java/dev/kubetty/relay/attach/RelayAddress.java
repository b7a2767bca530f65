package dev.kubetty.relay.attach;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns what a user types after {@code attach} into the relay's WebSocket URI.
 *
 * <pre>
 *   ws://h:p/ws, wss://h:p/ws   unchanged
 *   http://h:p/ws               ws://h:p/ws
 *   https://h/ws                wss://h/ws
 *   h:p                         ws://h:p/ws   (no scheme: plain ws)
 *   any of them without a path  path /ws added
 * </pre>
 */
public final class RelayAddress {
  private RelayAddress() {}

  /**
   * The WebSocket URI for {@code text}.
   *
   * @throws IllegalArgumentException with a message for people if {@code text} is not usable
   */
  public static URI parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("missing relay URL, e.g. ws://127.0.0.1:8080/ws");
    }
    String withScheme = trimmed.contains("://") ? trimmed : "ws://" + trimmed;
    URI uri = syntax(withScheme, trimmed);
    String scheme = webSocketScheme(uri.getScheme(), trimmed);
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("no host in '" + trimmed + "'");
    }
    String path =
        uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath())
            ? "/ws"
            : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return syntax(scheme + "://" + uri.getRawAuthority() + path + query, trimmed);
  }

  private static String webSocketScheme(String scheme, String text) {
    return switch (scheme.toLowerCase(Locale.ROOT)) {
      case "ws", "http" -> "ws";
      case "wss", "https" -> "wss";
      default ->
          throw new IllegalArgumentException(
              "unsupported scheme '"
                  + scheme
                  + "' in '"
                  + text
                  + "': use ws://, wss://, http://, https:// or host:port");
    };
  }

  private static URI syntax(String candidate, String text) {
    try {
      return new URI(candidate);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: '" + text + "'", e);
    }
  }
}
