package dev.kubetty.desktop.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The relay's login endpoints ({@code /api/auth/*}) over {@code java.net.http}. Blocking calls,
 * each with a 10 s timeout: run them off the JavaFX thread. Thread-safe. Tokens and passwords are
 * never logged and never appear in exception messages.
 */
public final class AuthService {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Clock clock;

  public AuthService() {
    this(Clock.systemUTC());
  }

  AuthService(Clock clock) {
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    this.clock = clock;
  }

  /** The answer of {@code GET /api/auth/me}. */
  public record Me(boolean loggedIn, String username, String authMode) {
    /** Whether the relay wants no login at all. */
    public boolean authDisabled() {
      return "disabled".equals(authMode);
    }
  }

  /** {@code GET /api/auth/me} with {@code authorization} (may be null). */
  public Me me(URI base, String authorization) throws AuthException {
    HttpRequest.Builder request = request(base, "/api/auth/me").GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() == 401) {
      return new Me(false, null, "local");
    }
    JsonNode body = expectOk(response);
    return new Me(true, text(body, "username"), text(body, "authMode"));
  }

  /** {@code POST /api/auth/login}. */
  public Tokens login(URI base, String username, String password) throws AuthException {
    return tokens(
        post(base, "/api/auth/login", Map.of("username", username, "password", password)));
  }

  /** {@code POST /api/auth/refresh}: trades the (single-use) refresh token for a new pair. */
  public Tokens refresh(URI base, String refreshToken) throws AuthException {
    return tokens(post(base, "/api/auth/refresh", Map.of("refreshToken", refreshToken)));
  }

  /** {@code POST /api/auth/logout}: revokes the login; live sockets close with 4401. */
  public void logout(URI base, String refreshToken) throws AuthException {
    HttpResponse<String> response =
        send(
            request(base, "/api/auth/logout")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(json(Map.of("refreshToken", refreshToken))))
                .build());
    if (response.statusCode() != 204 && response.statusCode() != 200) {
      throw failure(response);
    }
  }

  private HttpResponse<String> post(URI base, String path, Map<String, String> body)
      throws AuthException {
    return send(
        request(base, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json(body)))
            .build());
  }

  private Tokens tokens(HttpResponse<String> response) throws AuthException {
    JsonNode body = expectOk(response);
    String access = text(body, "accessToken");
    String refresh = text(body, "refreshToken");
    if (access == null || refresh == null) {
      throw new AuthException(
          AuthException.Reason.UNREACHABLE, "The relay's login answer had no tokens.");
    }
    long expiresIn = body.path("expiresIn").asLong(300);
    return new Tokens(
        access, refresh, clock.instant().plusSeconds(expiresIn), text(body, "username"));
  }

  private JsonNode expectOk(HttpResponse<String> response) throws AuthException {
    if (response.statusCode() != 200) {
      throw failure(response);
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AuthException(
          AuthException.Reason.UNREACHABLE, "The relay answered something that is not JSON.", e);
    }
  }

  private static AuthException failure(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      return new AuthException(AuthException.Reason.REJECTED, "Wrong user name or password.");
    }
    if (status == 429) {
      String wait = response.headers().firstValue("Retry-After").orElse("a few");
      return new AuthException(
          AuthException.Reason.RATE_LIMITED,
          "Too many attempts. Try again in " + wait + " seconds.");
    }
    if (status == 404) {
      return new AuthException(
          AuthException.Reason.UNREACHABLE, "This relay does not offer a login (HTTP 404).");
    }
    return new AuthException(
        AuthException.Reason.UNREACHABLE, "The relay answered HTTP " + status + ".");
  }

  private HttpResponse<String> send(HttpRequest request) throws AuthException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AuthException(
          AuthException.Reason.UNREACHABLE,
          "Cannot reach the relay at " + request.uri().getAuthority() + ".",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthException(AuthException.Reason.UNREACHABLE, "Interrupted.", e);
    }
  }

  private static HttpRequest.Builder request(URI base, String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
  }

  private static String json(Map<String, String> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }
}
