package dev.kubetty.relay.auth;

import dev.kubetty.relay.config.AuthSettings;
import java.time.Duration;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * The browser's copies of the tokens: {@code kubetty_access} (path {@code /}) and {@code
 * kubetty_refresh} (path {@code /api/auth}, so it travels only to the auth endpoints). Both are
 * HttpOnly and SameSite=Strict; {@code Secure} and {@code Domain} come from {@code
 * AUTH_COOKIE_SECURE} and {@code AUTH_COOKIE_DOMAIN}.
 */
final class AuthCookies {
  static final String ACCESS = "kubetty_access";
  static final String REFRESH = "kubetty_refresh";
  private static final String REFRESH_PATH = "/api/auth";

  private final AuthSettings settings;

  AuthCookies(AuthSettings settings) {
    this.settings = settings;
  }

  /** Sets both cookies for {@code tokens}. */
  void set(Response response, TokenPair tokens) {
    Response.addCookie(response, cookie(ACCESS, tokens.accessToken(), "/", tokens.accessTtl()));
    Response.addCookie(
        response, cookie(REFRESH, tokens.refreshToken(), REFRESH_PATH, tokens.refreshTtl()));
  }

  /** Expires both cookies. */
  void clear(Response response) {
    Response.addCookie(response, cookie(ACCESS, "", "/", Duration.ZERO));
    Response.addCookie(response, cookie(REFRESH, "", REFRESH_PATH, Duration.ZERO));
  }

  /** The value of cookie {@code name} in {@code request}, or null. */
  static String read(Request request, String name) {
    for (HttpCookie cookie : Request.getCookies(request)) {
      if (cookie.getName().equals(name) && !cookie.getValue().isEmpty()) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private HttpCookie cookie(String name, String value, String path, Duration maxAge) {
    HttpCookie.Builder builder =
        HttpCookie.build(name, value)
            .path(path)
            .maxAge(maxAge.toSeconds())
            .httpOnly(true)
            .secure(settings.cookieSecure())
            .sameSite(HttpCookie.SameSite.STRICT);
    if (settings.cookieDomain() != null) {
      builder.domain(settings.cookieDomain());
    }
    return builder.build();
  }
}
