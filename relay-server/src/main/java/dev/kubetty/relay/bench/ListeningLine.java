package dev.kubetty.relay.bench;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the line {@code kubetty-relay listening on http://HOST:PORT} that {@code serve} prints.
 */
final class ListeningLine {
  private static final Pattern LINE =
      Pattern.compile("kubetty-relay listening on (http://[^\\s/]+:\\d+)/?\\s*");

  private ListeningLine() {}

  /**
   * The relay's WebSocket URI ({@code ws://HOST:PORT/ws}) if {@code line} is the listening line.
   */
  static Optional<URI> webSocketUri(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    URI http = URI.create(m.group(1));
    return Optional.of(URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/ws"));
  }
}
