package dev.kubetty.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelayConfigTest {
  @Test
  void defaults() {
    RelayConfig config = RelayConfig.fromEnvironment(Map.of("AUTH_MODE", "disabled"));
    assertThat(config.listen().getPort()).isEqualTo(8080);
    assertThat(config.listen().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(config.authMode()).isEqualTo(AuthMode.DISABLED);
    assertThat(config.bufferBytes()).isEqualTo(8 << 20);
    assertThat(config.windowBytes()).isEqualTo(1 << 20);
    assertThat(config.resumeGrace()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.sessionId()).isEqualTo("default");
    assertThat(config.shell()).isEqualTo(List.of("/bin/bash", "-l"));
    assertThat(config.retention()).isZero();
  }

  @Test
  void readsEveryVariable() {
    RelayConfig config =
        RelayConfig.fromEnvironment(
            Map.of(
                "AUTH_MODE", " Disabled ",
                "KUBETTY_LISTEN", "[::1]:9000",
                "KUBETTY_BUFFER_BYTES", "16MiB",
                "KUBETTY_WINDOW_BYTES", "512k",
                "KUBETTY_RESUME_GRACE", "90s",
                "SESSION_ID", "ws-42",
                "SHELL", "/bin/zsh",
                "HOME", "/home/dev"));
    assertThat(config.listen().getPort()).isEqualTo(9000);
    assertThat(config.bufferBytes()).isEqualTo(16 << 20);
    assertThat(config.windowBytes()).isEqualTo(512 << 10);
    assertThat(config.resumeGrace()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.sessionId()).isEqualTo("ws-42");
    assertThat(config.shell()).isEqualTo(List.of("/bin/zsh", "-l"));
    assertThat(config.workingDirectory()).hasToString("/home/dev");
  }

  @Test
  void unsetAuthModeSaysHowToSetIt() {
    assertThatThrownBy(() -> RelayConfig.fromEnvironment(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "AUTH_MODE: must be set; use AUTH_MODE=local (users and passwords, see README) or"
                + " AUTH_MODE=disabled to run without authentication (only on a trusted network)");
    assertThatThrownBy(() -> RelayConfig.fromEnvironment(Map.of("AUTH_MODE", " ")))
        .hasMessageStartingWith("AUTH_MODE: must be set");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AUTH_MODE | open | AUTH_MODE: unknown value 'open'; supported: local, disabled",
        "KUBETTY_LISTEN | 8080 | KUBETTY_LISTEN: '8080' must be host:port, e.g. 127.0.0.1:8080",
        "KUBETTY_LISTEN | 127.0.0.1:99999 | KUBETTY_LISTEN: port in '127.0.0.1:99999' must be 0-65535",
        "KUBETTY_BUFFER_BYTES | lots | KUBETTY_BUFFER_BYTES: 'lots' is not a size such as 8MiB or 1048576",
        "KUBETTY_BUFFER_BYTES | 1000 | KUBETTY_BUFFER_BYTES: must be between 1048576 and 1073741824 bytes",
        "KUBETTY_WINDOW_BYTES | 16MiB | KUBETTY_WINDOW_BYTES: must be between 65536 and 8388608 bytes",
        "KUBETTY_RESUME_GRACE | soon | KUBETTY_RESUME_GRACE: 'soon' is not a duration such as 30s, 15m or 2h",
        "SESSION_ID | a/b | SESSION_ID: 'a/b' must be 1-63 letters, digits, '.', '-' or '_'",
        "KUBETTY_RETENTION_DAYS | 0 | KUBETTY_RETENTION_DAYS: '0' must be a number of days from 1 to 36500 (unset keeps forever)",
      })
  void badValuesNameTheVariable(String name, String value, String message) {
    Map<String, String> env = new HashMap<>(Map.of("AUTH_MODE", "disabled"));
    env.put(name, value);
    assertThatThrownBy(() -> RelayConfig.fromEnvironment(env))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo(name));
  }
}
