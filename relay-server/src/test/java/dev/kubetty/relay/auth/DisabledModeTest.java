package dev.kubetty.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.RelayFixture;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AUTH_MODE=disabled: loud, and still no cross-site WebSocket. */
class DisabledModeTest {
  static RelayServer relay;
  static AuthHttp http;

  @BeforeAll
  static void start() throws Exception {
    relay = RelayFixture.start();
    http = new AuthHttp(relay.httpUri());
  }

  @AfterAll
  static void stop() {
    relay.close();
  }

  @Test
  void everyResponseCarriesTheWarningHeader() {
    for (String path : new String[] {"/healthz", "/api/auth/me", "/session/logs", "/nothing"}) {
      assertThat(http.get(path).headers().firstValue("X-Auth-Warning"))
          .as(path)
          .hasValueSatisfying(v -> assertThat(v).contains("authentication disabled"));
    }
  }

  @Test
  void meSaysAuthIsDisabledAndLoginDoesNotExist() {
    JsonNode me = AuthHttp.json(http.get("/api/auth/me"));
    assertThat(me.get("authMode").asText()).isEqualTo("disabled");
    assertThat(me.get("username").isNull()).isTrue();
    HttpResponse<String> login = http.post("/api/auth/login", AuthHttp.credentials("a", "b"));
    assertThat(login.statusCode()).isEqualTo(404);
    assertThat(AuthHttp.json(login).get("error").asText()).isEqualTo("auth_disabled");
  }

  @Test
  void aCrossOriginUpgradeIsRefusedEvenWithoutAuth() {
    assertThat(http.rawStatus(http.upgrade("Origin: https://evil.example"))).isEqualTo(403);
    assertThat(http.rawStatus(http.upgrade())).isEqualTo(101);
    assertThat(http.rawStatus(http.upgrade("Origin: " + relay.httpUri()))).isEqualTo(101);
  }
}
