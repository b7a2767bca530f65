package dev.kubetty.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.server.RelayRuntime;
import dev.kubetty.relay.testing.RelayFixture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Brute force against a real relay: per-user and per-address limits answer 429. */
class LoginRateLimitTest {
  static RelayRuntime relay;
  static AuthHttp http;

  @BeforeAll
  static void start() throws Exception {
    relay =
        RelayFixture.startRuntime(
            Files.createTempDirectory("kubetty-auth-limit"),
            "auth-limit",
            Map.of(
                "AUTH_MODE",
                "local",
                "AUTH_JWT_SECRET",
                Base64.getEncoder().encodeToString(new byte[32])));
    http = new AuthHttp(relay.server().httpUri());
    new UserAdmin(relay.database().jdbi(), new PasswordHasher())
        .create("victim", "the real password");
  }

  @AfterAll
  static void stop() {
    relay.close();
  }

  @Test
  void guessingOnePasswordIsStoppedThenAnyAddressIsStopped() {
    for (int i = 0; i < 5; i++) {
      assertThat(login("victim", "guess " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> blocked = login("victim", "guess 6");
    assertThat(blocked.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 300L);
    assertThat(AuthHttp.json(blocked).get("error").asText()).isEqualTo("too_many_attempts");
    // Even the right password waits: the limiter answers before the password is checked.
    assertThat(login("victim", "the real password").statusCode()).isEqualTo(429);

    // Spraying many usernames from one address hits the address limit (20 failures).
    int status = 0;
    for (int i = 0; i < 16 && status != 429; i++) {
      status = login("spray-" + UUID.randomUUID(), "guess").statusCode();
    }
    assertThat(status).isEqualTo(429);
  }

  private static HttpResponse<String> login(String username, String password) {
    return http.post("/api/auth/login", AuthHttp.credentials(username, password));
  }
}
