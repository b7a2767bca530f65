package dev.kubetty.relay.auth;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The access token a request presents: {@code Authorization: Bearer …} first, else the {@code
 * kubetty_access} cookie.
 *
 * @param token the token text
 * @param fromCookie whether it came from the cookie (a browser; such requests also need an allowed
 *     Origin when they change anything)
 */
record Credentials(String token, boolean fromCookie) {
  private static final String BEARER = "bearer ";

  /** The credentials of {@code request}, or null if it presents none. */
  static Credentials of(Request request) {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header != null
        && header.length() > BEARER.length()
        && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return new Credentials(header.substring(BEARER.length()).trim(), false);
    }
    String cookie = AuthCookies.read(request, AuthCookies.ACCESS);
    return cookie == null ? null : new Credentials(cookie, true);
  }
}
