package dev.kubetty.relay.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubetty.relay.config.AuthMode;
import dev.kubetty.relay.http.JsonBody;
import dev.kubetty.relay.http.JsonReply;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The {@code /api/auth/*} endpoints.
 *
 * <pre>
 * POST /api/auth/login    {"username","password"}  → 200 tokens + cookies | 401 | 429 Retry-After
 * POST /api/auth/refresh  {"refreshToken"} or cookie → 200 tokens + cookies | 401
 * POST /api/auth/logout   {"refreshToken"}, cookie or access token → 204, cookies cleared
 * GET  /api/auth/me       → 200 {"username","authMode"} | 401
 * </pre>
 *
 * Tokens answer as {@code {"accessToken","refreshToken","expiresIn","username"}} ({@code expiresIn}
 * in seconds, of the access token). With {@code AUTH_MODE=disabled} only {@code me} answers (200,
 * {@code username: null}); the others are 404. Request bodies are limited to 16 KiB.
 */
final class AuthRoutes {
  static final String PREFIX = "/api/auth/";
  private static final int MAX_BODY_BYTES = 16 << 10;

  private final AuthMode mode;
  private final LocalAuthenticator authenticator;
  private final AuthCookies cookies;

  AuthRoutes(AuthMode mode, LocalAuthenticator authenticator, AuthCookies cookies) {
    this.mode = mode;
    this.authenticator = authenticator;
    this.cookies = cookies;
  }

  void handle(String path, Request request, Response response, Callback callback)
      throws IOException {
    String route = path.substring(PREFIX.length());
    String method = route.equals("me") ? "GET" : "POST";
    if (!route.matches("login|refresh|logout|me")) {
      JsonReply.sendError(response, callback, 404, "not_found", "no such endpoint");
    } else if (!method.equals(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, method);
      JsonReply.sendError(response, callback, 405, "method_not_allowed", "use " + method);
    } else if (mode == AuthMode.DISABLED) {
      disabled(route, response, callback);
    } else {
      switch (route) {
        case "login" -> login(request, response, callback);
        case "refresh" -> refresh(request, response, callback);
        case "logout" -> logout(request, response, callback);
        default -> me(request, response, callback);
      }
    }
  }

  private void disabled(String route, Response response, Callback callback) {
    if (route.equals("me")) {
      ObjectNode body = JsonReply.JSON.createObjectNode();
      body.putNull("username");
      body.put("authMode", "disabled");
      JsonReply.send(response, callback, 200, body);
    } else {
      JsonReply.sendError(
          response, callback, 404, "auth_disabled", "authentication is disabled on this relay");
    }
  }

  private void login(Request request, Response response, Callback callback) throws IOException {
    JsonNode body = JsonBody.read(request, response, callback, MAX_BODY_BYTES);
    if (body == null) {
      return;
    }
    String username = body.path("username").asText("");
    String password = body.path("password").asText("");
    if (username.isEmpty() || password.isEmpty() || password.length() > PasswordHasher.MAX_LENGTH) {
      JsonReply.sendError(
          response, callback, 400, "bad_request", "username and password are required");
      return;
    }
    String address = Request.getRemoteAddr(request);
    switch (authenticator.login(username, password, address)) {
      case LoginResult.Success s -> sendTokens(response, callback, s.tokens());
      case LoginResult.Throttled t -> {
        long seconds = Math.max(1, (t.retryAfter().toMillis() + 999) / 1000);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds));
        JsonReply.sendError(
            response,
            callback,
            429,
            "too_many_attempts",
            "too many failed logins; try again in " + seconds + " s");
      }
      case LoginResult.Rejected r ->
          JsonReply.sendError(
              response, callback, 401, "invalid_credentials", "wrong username or password");
    }
  }

  private void refresh(Request request, Response response, Callback callback) throws IOException {
    JsonNode body = JsonBody.read(request, response, callback, MAX_BODY_BYTES);
    if (body == null) {
      return;
    }
    String token = refreshToken(request, body);
    Optional<TokenPair> next = token == null ? Optional.empty() : authenticator.refresh(token);
    if (next.isPresent()) {
      sendTokens(response, callback, next.get());
    } else {
      cookies.clear(response);
      JsonReply.sendError(
          response, callback, 401, "invalid_refresh_token", "log in again: the login has ended");
    }
  }

  private void logout(Request request, Response response, Callback callback) throws IOException {
    JsonNode body = JsonBody.read(request, response, callback, MAX_BODY_BYTES);
    if (body == null) {
      return;
    }
    String token = refreshToken(request, body);
    Credentials credentials = Credentials.of(request);
    if (token != null) {
      authenticator.logout(token);
    } else if (credentials != null) {
      authenticator.authenticate(credentials.token()).ifPresent(authenticator::logout);
    }
    cookies.clear(response);
    response.setStatus(204);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    callback.succeeded();
  }

  private void me(Request request, Response response, Callback callback) {
    Credentials credentials = Credentials.of(request);
    Optional<Principal> principal =
        credentials == null ? Optional.empty() : authenticator.authenticate(credentials.token());
    if (principal.isEmpty()) {
      AuthGate.unauthorized(response, callback);
      return;
    }
    ObjectNode body = JsonReply.JSON.createObjectNode();
    body.put("username", principal.get().username());
    body.put("authMode", "local");
    body.put("expiresAt", principal.get().expiresAt().toString());
    JsonReply.send(response, callback, 200, body);
  }

  /** The refresh token from the JSON body, else from the cookie, else null. */
  private static String refreshToken(Request request, JsonNode body) {
    String fromBody = body.path("refreshToken").asText("");
    return fromBody.isEmpty() ? AuthCookies.read(request, AuthCookies.REFRESH) : fromBody;
  }

  private void sendTokens(Response response, Callback callback, TokenPair tokens) {
    cookies.set(response, tokens);
    ObjectNode body = JsonReply.JSON.createObjectNode();
    body.put("accessToken", tokens.accessToken());
    body.put("refreshToken", tokens.refreshToken());
    body.put("expiresIn", tokens.accessTtl().toSeconds());
    body.put("username", tokens.username());
    JsonReply.send(response, callback, 200, body);
  }
}
