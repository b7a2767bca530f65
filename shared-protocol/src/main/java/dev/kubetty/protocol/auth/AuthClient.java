package dev.kubetty.protocol.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Calls a relay's login API: {@code POST /api/auth/login}, {@code /refresh}, {@code /logout} and
 * {@code GET /api/auth/me}, with tokens in JSON bodies (no cookies).
 *
 * <p>Blocking: each call does one HTTP request on the caller's thread (never call it on a UI
 * thread). Thread-safe. Never logs or includes a password or token in an exception message.
 */
public final class AuthClient {
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpUrl base;
  private final OkHttpClient http;
  private final Clock clock;

  /**
   * A client for the relay at {@code relay}: its base URL ({@code http(s)://host:port}, with the
   * path it is served under behind a proxy, if any) or its WebSocket URL ({@code
   * ws(s)://host:port/path/ws}). The API is called under that path; a query is ignored.
   */
  public AuthClient(URI relay, OkHttpClient http) {
    this(relay, http, Clock.systemUTC());
  }

  AuthClient(URI relay, OkHttpClient http, Clock clock) {
    String scheme = relay.getScheme();
    String httpScheme = "wss".equals(scheme) || "https".equals(scheme) ? "https" : "http";
    this.base =
        Objects.requireNonNull(
            HttpUrl.parse(httpScheme + "://" + relay.getRawAuthority() + basePath(relay)),
            "relay URL");
    this.http = http;
    this.clock = clock;
  }

  /**
   * The relay's path prefix with a trailing slash: {@code /}, or {@code /prefix/} ({@code /ws}
   * dropped).
   */
  private static String basePath(URI relay) {
    String path = relay.getRawPath() == null ? "" : relay.getRawPath();
    boolean webSocket = relay.getScheme() != null && relay.getScheme().startsWith("ws");
    if (webSocket && path.endsWith("/ws")) {
      path = path.substring(0, path.length() - "/ws".length());
    }
    return path.endsWith("/") ? path : path + "/";
  }

  /** Logs in. */
  public Tokens login(String username, String password) throws AuthException {
    ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
    return tokens(post("api/auth/login", body), "wrong username or password");
  }

  /** Spends {@code refreshToken} for a new pair; {@code REJECTED} when the login has ended. */
  public Tokens refresh(String refreshToken) throws AuthException {
    ObjectNode body = JSON.createObjectNode().put("refreshToken", refreshToken);
    return tokens(post("api/auth/refresh", body), "the login has ended; log in again");
  }

  /** Ends the login of {@code refreshToken}. */
  public void logout(String refreshToken) throws AuthException {
    ObjectNode body = JSON.createObjectNode().put("refreshToken", refreshToken);
    Reply reply = post("api/auth/logout", body);
    if (reply.status() != 204 && reply.status() != 200) {
      throw unexpected(reply);
    }
  }

  /**
   * Whether the relay wants a login: false for {@code AUTH_MODE=disabled}, true for {@code local}.
   */
  public boolean loginRequired() throws AuthException {
    Reply reply = call(new Request.Builder().url(base.resolve("api/auth/me")).get().build());
    if (reply.status() == 401) {
      return true;
    }
    if (reply.status() == 200) {
      return !"disabled".equals(reply.json().path("authMode").asText());
    }
    throw unexpected(reply);
  }

  private Tokens tokens(Reply reply, String rejected) throws AuthException {
    switch (reply.status()) {
      case 200 -> {
        JsonNode json = reply.json();
        return new Tokens(
            json.path("accessToken").asText(),
            json.path("refreshToken").asText(),
            Duration.ofSeconds(json.path("expiresIn").asLong(60)),
            json.path("username").asText(),
            clock.instant());
      }
      case 401 ->
          throw new AuthException(AuthException.Kind.REJECTED, rejected, Duration.ZERO, null);
      case 429 -> {
        Duration wait = Duration.ofSeconds(reply.retryAfterSeconds());
        throw new AuthException(
            AuthException.Kind.THROTTLED,
            "too many failed logins; try again in " + wait.toSeconds() + " s",
            wait,
            null);
      }
      case 404 -> {
        if ("auth_disabled".equals(reply.json().path("error").asText())) {
          throw new AuthException(
              AuthException.Kind.AUTH_DISABLED,
              "this relay runs without authentication",
              Duration.ZERO,
              null);
        }
        throw unexpected(reply);
      }
      default -> throw unexpected(reply);
    }
  }

  private Reply post(String path, ObjectNode body) throws AuthException {
    return call(
        new Request.Builder()
            .url(base.resolve(path))
            .post(RequestBody.create(body.toString(), JSON_TYPE))
            .build());
  }

  private Reply call(Request request) throws AuthException {
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      long retryAfter = 1;
      String header = response.header("Retry-After");
      if (header != null && header.matches("\\d{1,9}")) {
        retryAfter = Long.parseLong(header);
      }
      return new Reply(response.code(), text, retryAfter);
    } catch (IOException e) {
      throw new AuthException(
          AuthException.Kind.UNAVAILABLE,
          "cannot reach the relay at " + base + ": " + e.getMessage(),
          Duration.ZERO,
          e);
    }
  }

  private static AuthException unexpected(Reply reply) {
    String message = reply.json().path("message").asText("");
    return new AuthException(
        AuthException.Kind.UNAVAILABLE,
        "the relay answered HTTP " + reply.status() + (message.isEmpty() ? "" : ": " + message),
        Duration.ZERO,
        null);
  }

  private record Reply(int status, String body, long retryAfterSeconds) {
    JsonNode json() {
      try {
        JsonNode node = JSON.readTree(body);
        return node == null ? JSON.createObjectNode() : node;
      } catch (IOException e) {
        return JSON.createObjectNode();
      }
    }
  }
}
