package dev.kubetty.relay.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RelayAddressTest {

  @Test
  void webSocketUrlsStayAsTheyAre() {
    assertThat(RelayAddress.parse("ws://127.0.0.1:8080/ws"))
        .isEqualTo(URI.create("ws://127.0.0.1:8080/ws"));
    assertThat(RelayAddress.parse("wss://relay.example/ws?x=1"))
        .isEqualTo(URI.create("wss://relay.example/ws?x=1"));
  }

  @Test
  void httpBecomesWsAndHttpsBecomesWss() {
    assertThat(RelayAddress.parse("http://localhost:8080/ws"))
        .isEqualTo(URI.create("ws://localhost:8080/ws"));
    assertThat(RelayAddress.parse("HTTPS://relay.example/ws"))
        .isEqualTo(URI.create("wss://relay.example/ws"));
  }

  @Test
  void bareHostAndPortGetsWsAndThePath() {
    assertThat(RelayAddress.parse("127.0.0.1:8080"))
        .isEqualTo(URI.create("ws://127.0.0.1:8080/ws"));
    assertThat(RelayAddress.parse(" localhost:9000 "))
        .isEqualTo(URI.create("ws://localhost:9000/ws"));
    assertThat(RelayAddress.parse("[::1]:8080")).isEqualTo(URI.create("ws://[::1]:8080/ws"));
  }

  @Test
  void missingPathBecomesWs() {
    assertThat(RelayAddress.parse("http://h:1")).isEqualTo(URI.create("ws://h:1/ws"));
    assertThat(RelayAddress.parse("ws://h:1/")).isEqualTo(URI.create("ws://h:1/ws"));
  }

  @Test
  void otherPathsAreKept() {
    assertThat(RelayAddress.parse("https://gw.example/p/42/ws"))
        .isEqualTo(URI.create("wss://gw.example/p/42/ws"));
  }

  @Test
  void unsupportedSchemeIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> RelayAddress.parse("ftp://h/ws"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unsupported scheme 'ftp' in 'ftp://h/ws': use ws://, wss://, http://, https:// or"
                + " host:port");
  }

  @Test
  void emptyIsRefused() {
    assertThatThrownBy(() -> RelayAddress.parse("  "))
        .hasMessage("missing relay URL, e.g. ws://127.0.0.1:8080/ws");
  }

  @Test
  void missingHostIsRefused() {
    assertThatThrownBy(() -> RelayAddress.parse("ws:///ws")).hasMessage("no host in 'ws:///ws'");
    assertThatThrownBy(() -> RelayAddress.parse("host:notaport"))
        .hasMessage("no host in 'host:notaport'");
  }

  @Test
  void badSyntaxIsRefused() {
    assertThatThrownBy(() -> RelayAddress.parse("ws://h:1/a b"))
        .hasMessage("not a valid URL: 'ws://h:1/a b'");
  }
}
