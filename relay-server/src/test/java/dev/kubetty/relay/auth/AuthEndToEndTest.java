package dev.kubetty.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubetty.protocol.auth.AuthClient;
import dev.kubetty.protocol.auth.AuthException;
import dev.kubetty.protocol.auth.TokenKeeper;
import dev.kubetty.protocol.auth.Tokens;
import dev.kubetty.protocol.client.RelayClient;
import dev.kubetty.protocol.client.RelayListener;
import dev.kubetty.protocol.client.State;
import dev.kubetty.relay.server.RelayRuntime;
import dev.kubetty.relay.store.AttachmentRow;
import dev.kubetty.relay.store.SessionDao;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.TestSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AUTH_MODE=local end to end: a real relay, real PostgreSQL, real HTTP and WebSocket clients. */
class AuthEndToEndTest {
  static final byte[] KEY = "an end-to-end test secret, 32+ bytes".getBytes(StandardCharsets.UTF_8);
  static final String SECRET = Base64.getEncoder().encodeToString(KEY);
  static final String PASSWORD = "correct horse battery";
  static final String ALLOWED = "https://gateway.example.test";

  static RelayRuntime relay;
  static AuthHttp http;
  static UserAdmin users;

  @BeforeAll
  static void start() throws Exception {
    relay =
        RelayFixture.startRuntime(
            Files.createTempDirectory("kubetty-auth-e2e"),
            "auth-e2e",
            Map.of(
                "AUTH_MODE", "local",
                "AUTH_JWT_SECRET", SECRET,
                "KUBETTY_ALLOWED_ORIGINS", ALLOWED));
    http = new AuthHttp(relay.server().httpUri());
    users = new UserAdmin(relay.database().jdbi(), new PasswordHasher());
    for (String name : List.of("alice", "bob", "carol", "dave", "erin")) {
      users.create(name, PASSWORD);
    }
  }

  @AfterAll
  static void stop() {
    relay.close();
  }

  @Test
  void loginAnswersTokensAndStrictHttpOnlyCookies() {
    HttpResponse<String> response =
        http.post("/api/auth/login", AuthHttp.credentials("Alice", PASSWORD));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = AuthHttp.json(response);
    assertThat(body.get("username").asText()).isEqualTo("alice");
    assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
    assertThat(body.get("accessToken").asText()).contains(".");
    assertThat(body.get("refreshToken").asText()).hasSize(43);
    List<String> cookies = response.headers().allValues("Set-Cookie");
    assertThat(cookies)
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("kubetty_access=" + body.get("accessToken").asText())
                    .contains("Path=/", "HttpOnly", "Secure")
                    .containsIgnoringCase("SameSite=Strict"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("kubetty_refresh=" + body.get("refreshToken").asText())
                    .contains("Path=/api/auth", "HttpOnly", "Secure")
                    .containsIgnoringCase("SameSite=Strict"));
  }

  @Test
  void anOversizedOrNonObjectBodyIsAnsweredPlainly() {
    HttpResponse<String> huge =
        http.post("/api/auth/login", "{\"username\":\"" + "x".repeat(20_000) + "\"}");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.body()).contains("too_large").contains("over 16 KiB");

    HttpResponse<String> array = http.post("/api/auth/login", "[1,2]");
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(array.body()).contains("the body must be a JSON object");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswerInTheSameTime() {
    HttpResponse<String> wrong =
        http.post("/api/auth/login", AuthHttp.credentials("carol", "nope-nope"));
    HttpResponse<String> unknown =
        http.post(
            "/api/auth/login", AuthHttp.credentials("nobody-" + UUID.randomUUID(), "nope-nope"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(wrong.body());

    // Both paths run Argon2id (tens of ms); a shortcut for unknown users would be ~100x faster.
    long known = medianLoginNanos("carol");
    long nobody = medianLoginNanos(null);
    assertThat((double) nobody / known).isBetween(0.3, 3.0);
  }

  private static long medianLoginNanos(String username) {
    long[] samples = new long[3];
    for (int i = 0; i < samples.length; i++) {
      String name = username != null ? username : "ghost-" + UUID.randomUUID();
      long start = System.nanoTime();
      http.post("/api/auth/login", AuthHttp.credentials(name, "wrong password " + i));
      samples[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(samples);
    return samples[1];
  }

  @Test
  void everyRouteButProbesAndThePageNeedsAValidToken() {
    String access = http.login("dave", PASSWORD).get("accessToken").asText();

    HttpResponse<String> none = http.get("/session/logs");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(AuthHttp.json(none).get("error").asText()).isEqualTo("unauthorized");
    assertThat(http.get("/session/logs.cast").statusCode()).isEqualTo(401);
    assertThat(http.get("/anything/else").statusCode()).isEqualTo(401);
    assertThat(http.get("/session/logs", "Authorization", "Bearer garbage").statusCode())
        .isEqualTo(401);

    assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
    assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
    assertThat(http.get("/").statusCode()).isNotEqualTo(401);

    assertThat(http.get("/session/logs", "Authorization", "Bearer " + access).statusCode())
        .isEqualTo(200);
    assertThat(http.get("/session/logs", "Cookie", "kubetty_access=" + access).statusCode())
        .isEqualTo(200);
    JsonNode me = AuthHttp.json(http.get("/api/auth/me", "Authorization", "Bearer " + access));
    assertThat(me.get("username").asText()).isEqualTo("dave");
    assertThat(me.get("authMode").asText()).isEqualTo("local");
    assertThat(http.get("/api/auth/me").statusCode()).isEqualTo(401);
  }

  @Test
  void forgedExpiredAndForeignTokensAreRefused() {
    String real = http.login("dave", PASSWORD).get("accessToken").asText();
    byte[] key = KEY;
    Principal p =
        new AccessTokens(key, "kubetty", Duration.ofMinutes(15), Clock.systemUTC())
            .verify(real)
            .orElseThrow();

    String wrongKey =
        new AccessTokens(
                "some-other-key-that-is-also-32-bytes-long!".getBytes(),
                "kubetty",
                Duration.ofMinutes(15),
                Clock.systemUTC())
            .issue(p.userId(), p.username(), p.family());
    String expired =
        new AccessTokens(
                key,
                "kubetty",
                Duration.ofMinutes(15),
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
            .issue(p.userId(), p.username(), p.family());
    String foreign =
        new AccessTokens(key, "another-issuer", Duration.ofMinutes(15), Clock.systemUTC())
            .issue(p.userId(), p.username(), p.family());
    String[] parts = real.split("\\.");
    String none =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes())
            + "."
            + parts[1]
            + ".";
    String sameKeyFresh =
        new AccessTokens(key, "kubetty", Duration.ofMinutes(15), Clock.systemUTC())
            .issue(p.userId(), p.username(), p.family());

    for (String token : List.of(wrongKey, expired, foreign, none)) {
      assertThat(http.get("/session/logs", "Authorization", "Bearer " + token).statusCode())
          .as(token)
          .isEqualTo(401);
    }
    // The control: the same construction with the right key, issuer and time is accepted.
    assertThat(http.get("/session/logs", "Authorization", "Bearer " + sameKeyFresh).statusCode())
        .isEqualTo(200);
  }

  @Test
  void refreshRotatesAndAReplayedRefreshTokenRevokesTheWholeLogin() {
    JsonNode first = http.login("erin", PASSWORD);
    String refresh1 = first.get("refreshToken").asText();

    HttpResponse<String> rotated = http.post("/api/auth/refresh", AuthHttp.refreshBody(refresh1));
    assertThat(rotated.statusCode()).isEqualTo(200);
    JsonNode second = AuthHttp.json(rotated);
    String refresh2 = second.get("refreshToken").asText();
    String access2 = second.get("accessToken").asText();
    assertThat(refresh2).isNotEqualTo(refresh1);
    assertThat(http.get("/session/logs", "Authorization", "Bearer " + access2).statusCode())
        .isEqualTo(200);

    // The spent token comes back (stolen): the whole family dies, the thief's and the owner's.
    assertThat(http.post("/api/auth/refresh", AuthHttp.refreshBody(refresh1)).statusCode())
        .isEqualTo(401);
    assertThat(http.post("/api/auth/refresh", AuthHttp.refreshBody(refresh2)).statusCode())
        .isEqualTo(401);
    assertThat(http.get("/session/logs", "Authorization", "Bearer " + access2).statusCode())
        .isEqualTo(401);

    // Another login of the same user is not affected.
    String other = http.login("erin", PASSWORD).get("accessToken").asText();
    assertThat(http.get("/session/logs", "Authorization", "Bearer " + other).statusCode())
        .isEqualTo(200);
  }

  @Test
  void refreshWorksFromTheCookieToo() {
    String refresh = http.login("alice", PASSWORD).get("refreshToken").asText();
    HttpResponse<String> rotated =
        http.post("/api/auth/refresh", "", "Cookie", "kubetty_refresh=" + refresh);
    assertThat(rotated.statusCode()).isEqualTo(200);
    assertThat(rotated.headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith("kubetty_refresh="));
  }

  @Test
  void logoutEndsTheLoginAndClearsTheCookies() {
    JsonNode tokens = http.login("alice", PASSWORD);
    String access = tokens.get("accessToken").asText();
    String refresh = tokens.get("refreshToken").asText();

    HttpResponse<String> out = http.post("/api/auth/logout", AuthHttp.refreshBody(refresh));
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith("kubetty_access=;") && c.contains("Expires=Thu, 01 Jan 1970"))
        .anyMatch(c -> c.startsWith("kubetty_refresh=;") && c.contains("Expires=Thu, 01 Jan 1970"));

    assertThat(http.post("/api/auth/refresh", AuthHttp.refreshBody(refresh)).statusCode())
        .isEqualTo(401);
    assertThat(http.get("/session/logs", "Authorization", "Bearer " + access).statusCode())
        .isEqualTo(401);
  }

  @Test
  void theWebSocketIsCheckedBeforeTheUpgrade() {
    assertThat(http.rawStatus(http.upgrade())).isEqualTo(401);
    assertThat(http.rawStatus(http.upgrade("Authorization: Bearer garbage"))).isEqualTo(401);

    String access = http.login("alice", PASSWORD).get("accessToken").asText();
    assertThat(http.rawStatus(http.upgrade("Authorization: Bearer " + access))).isEqualTo(101);
    assertThat(http.rawStatus(http.upgrade("Cookie: kubetty_access=" + access))).isEqualTo(101);
  }

  @Test
  void crossOriginUpgradesAreRefused() {
    String access = http.login("alice", PASSWORD).get("accessToken").asText();
    String cookie = "Cookie: kubetty_access=" + access;
    URI own = relay.server().httpUri();
    assertThat(http.rawStatus(http.upgrade(cookie, "Origin: https://evil.example"))).isEqualTo(403);
    assertThat(http.rawStatus(http.upgrade(cookie, "Origin: null"))).isEqualTo(403);
    assertThat(http.rawStatus(http.upgrade(cookie, "Origin: http://127.0.0.1:1"))).isEqualTo(403);
    assertThat(
            http.rawStatus(http.upgrade(cookie, "Origin: " + own, "Host: " + own.getAuthority())))
        .isEqualTo(101);
    assertThat(http.rawStatus(http.upgrade(cookie, "Origin: " + ALLOWED))).isEqualTo(101);
    // Login CSRF: a cross-site form post is refused before the password is even checked.
    assertThat(
            http.post(
                    "/api/auth/login",
                    AuthHttp.credentials("alice", PASSWORD),
                    "Origin",
                    "https://evil.example")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aForeignHostNameIsRefusedOnALoopbackRelay() {
    assertThat(http.rawStatus("GET /healthz HTTP/1.1\r\nHost: rebound.evil.example"))
        .isEqualTo(403);
    assertThat(http.rawStatus("GET /healthz HTTP/1.1\r\nHost: localhost")).isEqualTo(200);
    assertThat(http.rawStatus("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1")).isEqualTo(200);
  }

  @Test
  void aDeactivatedUsersTokensAndLiveWebSocketStopAtOnce() {
    String access = http.login("bob", PASSWORD).get("accessToken").asText();
    try (TestSocket socket =
        TestSocket.open(
            relay.server().webSocketUri(), Map.of("Authorization", "Bearer " + access))) {
      socket.hello();
      users.setActive("bob", false);
      assertThat(http.get("/session/logs", "Authorization", "Bearer " + access).statusCode())
          .isEqualTo(401);
      assertThat(socket.awaitClose(Duration.ofSeconds(5)).code()).isEqualTo(4401);
    } finally {
      users.setActive("bob", true);
    }
    assertThat(http.post("/api/auth/login", AuthHttp.credentials("bob", PASSWORD)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void logoutClosesTheLoginsLiveWebSocket() throws InterruptedException {
    JsonNode tokens = http.login("carol", PASSWORD);
    try (TestSocket socket =
        TestSocket.open(
            relay.server().webSocketUri(),
            Map.of(
                "Authorization",
                "Bearer " + tokens.get("accessToken").asText(),
                "User-Agent",
                "e2e-agent/1.0"))) {
      socket.hello(80, 24, null, true, "carol-client");
      http.post("/api/auth/logout", AuthHttp.refreshBody(tokens.get("refreshToken").asText()));
      assertThat(socket.awaitClose(Duration.ofSeconds(5)).code()).isEqualTo(4401);
    }
    List<AttachmentRow> rows = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline
        && rows.stream().noneMatch(r -> "carol".equals(r.username()) && r.closeCode() != null)) {
      Thread.sleep(50);
      rows =
          relay.database().jdbi().withExtension(SessionDao.class, d -> d.attachments("auth-e2e"));
    }
    assertThat(rows)
        .anySatisfy(
            row -> {
              assertThat(row.username()).isEqualTo("carol");
              assertThat(row.userAgent()).isEqualTo("e2e-agent/1.0");
              assertThat(row.closeCode()).isEqualTo(4401);
            });
  }

  @Test
  void theJavaClientLogsInKeepsItsTokenFreshAndIsClosedAtLogout() throws Exception {
    AuthClient client = new AuthClient(relay.server().webSocketUri(), new okhttp3.OkHttpClient());
    assertThat(client.loginRequired()).isTrue();
    assertThatThrownBy(() -> client.login("alice", "wrong password"))
        .isInstanceOfSatisfying(
            AuthException.class, e -> assertThat(e.kind()).isEqualTo(AuthException.Kind.REJECTED));

    Tokens tokens = client.login("alice", PASSWORD);
    List<Tokens> persisted = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CompletableFuture<Integer> closed =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<Void> live =
        new java.util.concurrent.CompletableFuture<>();
    try (TokenKeeper keeper = new TokenKeeper(client, tokens, persisted::add, e -> {});
        RelayClient relayClient =
            RelayClient.builder(relay.server().webSocketUri())
                .authorization(keeper.authorization())
                .takeover(true)
                .listener(
                    new RelayListener() {
                      @Override
                      public void onOutput(long offset, byte[] data) {}

                      @Override
                      public void onStateChanged(State state, String detail) {
                        if (state == State.LIVE) {
                          live.complete(null);
                        }
                      }

                      @Override
                      public void onClosed(int code, String reason) {
                        closed.complete(code);
                      }
                    })
                .build()) {
      Tokens fresh = keeper.refreshNow();
      assertThat(fresh.refreshToken()).isNotEqualTo(tokens.refreshToken());
      assertThat(persisted).containsExactly(fresh);
      relayClient.connect();
      live.get(10, java.util.concurrent.TimeUnit.SECONDS);

      keeper.logout();
      assertThat(closed.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4401);
      assertThatThrownBy(() -> client.refresh(fresh.refreshToken()))
          .isInstanceOfSatisfying(
              AuthException.class,
              e -> assertThat(e.kind()).isEqualTo(AuthException.Kind.REJECTED));
    }
  }
}
