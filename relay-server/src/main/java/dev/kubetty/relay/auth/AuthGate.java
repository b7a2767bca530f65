package dev.kubetty.relay.auth;

import dev.kubetty.relay.config.AuthMode;
import dev.kubetty.relay.config.AuthSettings;
import dev.kubetty.relay.http.JsonReply;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door every request passes before anything else runs, the WebSocket upgrade included.
 *
 * <ol>
 *   <li>{@code Host} must be acceptable ({@link OriginPolicy#hostAllowed}), else 403.
 *   <li>{@code /api/auth/*} goes to {@link AuthRoutes} (login needs no token, of course).
 *   <li>Requests that change something ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE})
 *       and WebSocket upgrades must come from an allowed {@code Origin}, else 403 — with auth on or
 *       off, since a web page could otherwise drive the shell of an unprotected local relay.
 *   <li>Public routes pass: {@code /healthz}, {@code /readyz} (probes), and {@code GET} of the
 *       browser page's static files ({@code /}, {@code /index.html}, {@code /favicon.ico}, {@code
 *       /assets/…}), which hold no data and carry the login form.
 *   <li>With {@code AUTH_MODE=local} everything else needs a valid access token of a live login
 *       ({@code Authorization: Bearer} or the {@code kubetty_access} cookie), else 401 {@code
 *       {"error":"unauthorized"}} with {@code WWW-Authenticate: Bearer}. The {@link Principal} is
 *       left in the request attribute {@link Principal#ATTRIBUTE}.
 * </ol>
 *
 * A database failure while checking a token answers 503, never lets the request through.
 */
public final class AuthGate extends Handler.Wrapper {
  private static final Logger log = LoggerFactory.getLogger(AuthGate.class);

  private final AuthMode mode;
  private final LocalAuthenticator authenticator;
  private final OriginPolicy origins;
  private final AuthRoutes routes;

  private AuthGate(
      Handler next, AuthSettings settings, LocalAuthenticator authenticator, OriginPolicy origins) {
    super(next);
    this.mode = settings.mode();
    this.authenticator = authenticator;
    this.origins = origins;
    this.routes = new AuthRoutes(mode, authenticator, new AuthCookies(settings));
  }

  /** A gate for {@code AUTH_MODE=local} checking tokens with {@code authenticator}. */
  public static AuthGate local(
      Handler next,
      AuthSettings settings,
      InetSocketAddress listen,
      LocalAuthenticator authenticator) {
    return new AuthGate(
        next, settings, authenticator, new OriginPolicy(listen, settings.allowedOrigins()));
  }

  /** A gate for {@code AUTH_MODE=disabled}: Host and Origin checks only. */
  public static AuthGate disabled(Handler next, AuthSettings settings, InetSocketAddress listen) {
    return new AuthGate(next, settings, null, new OriginPolicy(listen, settings.allowedOrigins()));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (!origins.hostAllowed(request)) {
      JsonReply.sendError(response, callback, 403, "forbidden_host", "Host header not allowed");
      return true;
    }
    if (changesState(request) && !origins.originAllowed(request)) {
      log.info("event=cross-origin-refused path={}", path);
      JsonReply.sendError(response, callback, 403, "forbidden_origin", "Origin not allowed");
      return true;
    }
    try {
      if (path.startsWith(AuthRoutes.PREFIX)) {
        routes.handle(path, request, response, callback);
        return true;
      }
      if (mode == AuthMode.DISABLED || isPublic(request, path)) {
        return super.handle(request, response, callback);
      }
      Credentials credentials = Credentials.of(request);
      Optional<Principal> principal =
          credentials == null ? Optional.empty() : authenticator.authenticate(credentials.token());
      if (principal.isEmpty()) {
        unauthorized(response, callback);
        return true;
      }
      request.setAttribute(Principal.ATTRIBUTE, principal.get());
    } catch (JdbiException e) {
      log.warn("event=auth-store-failed error={}", e.toString());
      JsonReply.sendError(
          response, callback, 503, "store_unavailable", "cannot check credentials; try again");
      return true;
    }
    return super.handle(request, response, callback);
  }

  /** Answers 401 with {@code WWW-Authenticate: Bearer}. */
  static void unauthorized(Response response, Callback callback) {
    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"kubetty\"");
    JsonReply.sendError(
        response, callback, 401, "unauthorized", "log in: a valid access token is required");
  }

  private static boolean changesState(Request request) {
    String method = request.getMethod();
    return !(HttpMethod.GET.is(method)
            || HttpMethod.HEAD.is(method)
            || HttpMethod.OPTIONS.is(method))
        || isUpgrade(request);
  }

  private static boolean isUpgrade(Request request) {
    // Only WebSocket counts: HTTP clients also offer "Upgrade: h2c" on plain requests.
    String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
    return (upgrade != null && upgrade.toLowerCase(java.util.Locale.ROOT).contains("websocket"))
        || HttpMethod.CONNECT.is(request.getMethod());
  }

  private static boolean isPublic(Request request, String path) {
    if (path.equals("/healthz") || path.equals("/readyz")) {
      return true;
    }
    boolean read =
        HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod());
    return read
        && !isUpgrade(request)
        && (path.equals("/")
            || path.equals("/index.html")
            || path.equals("/favicon.ico")
            || (path.startsWith("/assets/") && !path.contains("..")));
  }
}
