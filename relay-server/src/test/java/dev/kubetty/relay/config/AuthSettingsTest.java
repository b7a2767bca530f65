package dev.kubetty.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {
  static final byte[] KEY = new byte[48];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) (i * 7);
    }
  }

  static RelayConfig local(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("AUTH_MODE", "local");
    env.putIfAbsent("AUTH_JWT_SECRET", Base64.getEncoder().encodeToString(KEY));
    return RelayConfig.fromEnvironment(env);
  }

  @Test
  void localModeDefaults() {
    AuthSettings auth = local(Map.of()).auth();
    assertThat(auth.mode()).isEqualTo(AuthMode.LOCAL);
    assertThat(auth.jwtSecret()).isEqualTo(KEY);
    assertThat(auth.accessTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(auth.refreshTtl()).isEqualTo(Duration.ofHours(720));
    assertThat(auth.issuer()).isEqualTo("kubetty");
    assertThat(auth.cookieDomain()).isNull();
    assertThat(auth.cookieSecure()).isTrue();
    assertThat(auth.allowedOrigins()).isEmpty();
    assertThat(auth.toString()).doesNotContain(Base64.getEncoder().encodeToString(KEY));
  }

  @Test
  void readsEveryAuthVariable() {
    AuthSettings auth =
        local(
                Map.of(
                    "AUTH_ACCESS_TTL", "5m",
                    "AUTH_REFRESH_TTL", "24h",
                    "AUTH_ISSUER", "acme",
                    "AUTH_COOKIE_DOMAIN", "dev.example.com",
                    "AUTH_COOKIE_SECURE", "false",
                    "KUBETTY_ALLOWED_ORIGINS", "https://a.example.com, http://b.example.com:8080"))
            .auth();
    assertThat(auth.accessTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(auth.refreshTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(auth.issuer()).isEqualTo("acme");
    assertThat(auth.cookieDomain()).isEqualTo("dev.example.com");
    assertThat(auth.cookieSecure()).isFalse();
    assertThat(auth.allowedOrigins())
        .isEqualTo(List.of("https://a.example.com", "http://b.example.com:8080"));
  }

  @Test
  void aMissingSecretStopsStartUpSayingHowToMakeOne() {
    assertThatThrownBy(() -> local(Map.of("AUTH_JWT_SECRET", "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("AUTH_JWT_SECRET: must be set with AUTH_MODE=local")
        .hasMessageContaining("head -c 32 /dev/urandom | base64");
  }

  @Test
  void aShortSecretIsRefusedWhetherBase64OrRaw() {
    String shortBase64 = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> local(Map.of("AUTH_JWT_SECRET", shortBase64)))
        .hasMessageStartingWith("AUTH_JWT_SECRET: is 24 bytes; at least 32 are required");
    assertThatThrownBy(() -> local(Map.of("AUTH_JWT_SECRET", "too short, raw!")))
        .hasMessageStartingWith("AUTH_JWT_SECRET: is 15 bytes");
  }

  @Test
  void aRawSecretOfAtLeast32BytesIsUsedAsIs() {
    String raw = "a raw passphrase, not base64 at all!";
    assertThat(local(Map.of("AUTH_JWT_SECRET", raw)).auth().jwtSecret())
        .isEqualTo(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void disabledModeNeedsNoSecret() {
    AuthSettings auth = RelayConfig.fromEnvironment(Map.of("AUTH_MODE", "disabled")).auth();
    assertThat(auth.mode()).isEqualTo(AuthMode.DISABLED);
    assertThat(auth.jwtSecret()).isEmpty();
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> local(Map.of("AUTH_ACCESS_TTL", "5s")))
        .hasMessage("AUTH_ACCESS_TTL: must be at least 10s");
    assertThatThrownBy(() -> local(Map.of("AUTH_ACCESS_TTL", "1h", "AUTH_REFRESH_TTL", "30m")))
        .hasMessage("AUTH_REFRESH_TTL: must be longer than AUTH_ACCESS_TTL");
    assertThatThrownBy(() -> local(Map.of("KUBETTY_ALLOWED_ORIGINS", "https://x.example/path")))
        .hasMessageStartingWith(
            "KUBETTY_ALLOWED_ORIGINS: 'https://x.example/path' is not an origin");
    assertThatThrownBy(() -> local(Map.of("AUTH_COOKIE_DOMAIN", "bad domain;")))
        .hasMessageStartingWith("AUTH_COOKIE_DOMAIN:");
    assertThatThrownBy(() -> local(Map.of("KUBETTY_TRANSCRIPT", "off")))
        .hasMessageStartingWith("KUBETTY_TRANSCRIPT: off runs without PostgreSQL");
  }
}
