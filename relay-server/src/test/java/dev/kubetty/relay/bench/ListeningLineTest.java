package dev.kubetty.relay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ListeningLineTest {
  @Test
  void turnsTheHttpAddressIntoTheWebSocketUri() {
    assertThat(ListeningLine.webSocketUri("kubetty-relay listening on http://127.0.0.1:41234"))
        .contains(URI.create("ws://127.0.0.1:41234/ws"));
    assertThat(ListeningLine.webSocketUri("kubetty-relay listening on http://127.0.0.1:8080/"))
        .contains(URI.create("ws://127.0.0.1:8080/ws"));
  }

  @Test
  void ignoresOtherLines() {
    assertThat(ListeningLine.webSocketUri("2026-11-23 INFO RelayServer event=listening")).isEmpty();
    assertThat(ListeningLine.webSocketUri("kubetty-relay listening on http://127.0.0.1")).isEmpty();
    assertThat(ListeningLine.webSocketUri("")).isEmpty();
  }
}
