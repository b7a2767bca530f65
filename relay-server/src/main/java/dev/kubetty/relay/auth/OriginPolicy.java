package dev.kubetty.relay.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Which browsers may talk to the relay: defence against cross-site WebSocket hijacking, login CSRF
 * and DNS rebinding.
 *
 * <ul>
 *   <li>{@link #originAllowed}: a request without {@code Origin} (a non-browser client) passes; a
 *       request whose {@code Origin} is the relay's own origin (same host and port as the {@code
 *       Host} header) or one of {@code KUBETTY_ALLOWED_ORIGINS} passes; anything else, {@code
 *       Origin: null} included, does not.
 *   <li>{@link #hostAllowed}: when the relay listens on a loopback address, the {@code Host} header
 *       must name a loopback host ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}) or an
 *       allowed origin's host, so a web page cannot reach the local relay through a DNS name it
 *       controls that resolves to 127.0.0.1.
 * </ul>
 */
public final class OriginPolicy {
  private final List<URI> allowed;
  private final boolean loopbackOnly;

  /** A policy for a relay bound to {@code listen}, also admitting {@code allowedOrigins}. */
  public OriginPolicy(InetSocketAddress listen, List<String> allowedOrigins) {
    this.allowed = allowedOrigins.stream().map(URI::create).toList();
    InetAddress address = listen.getAddress();
    this.loopbackOnly = address != null && address.isLoopbackAddress();
  }

  /** Whether the request's {@code Origin}, if any, may use this relay. */
  public boolean originAllowed(Request request) {
    String header = request.getHeaders().get(HttpHeader.ORIGIN);
    if (header == null) {
      return true;
    }
    URI origin = parse(header.trim().toLowerCase(Locale.ROOT));
    if (origin == null || origin.getHost() == null) {
      return false;
    }
    for (URI uri : allowed) {
      if (sameOrigin(uri, origin)) {
        return true;
      }
    }
    return matchesHost(origin, request.getHeaders().get(HttpHeader.HOST));
  }

  /** Whether the request's {@code Host} header is acceptable (see the class comment). */
  public boolean hostAllowed(Request request) {
    if (!loopbackOnly) {
      return true;
    }
    String host = hostName(request.getHeaders().get(HttpHeader.HOST));
    if (host == null) {
      return true; // HTTP/1.0 without Host: no browser sends that
    }
    if (host.equals("localhost")
        || host.equals("::1")
        || (host.startsWith("127.") && isIpv4(host))) {
      return true;
    }
    return allowed.stream().anyMatch(uri -> uri.getHost().equals(host));
  }

  private static boolean matchesHost(URI origin, String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    URI host = parse("http://" + hostHeader.trim().toLowerCase(Locale.ROOT));
    if (host == null || host.getHost() == null || !host.getHost().equals(origin.getHost())) {
      return false;
    }
    // Behind a TLS-terminating proxy the Host header often carries no port: the host name decides.
    return host.getPort() == -1 || host.getPort() == port(origin);
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equals(b.getScheme())
        && a.getHost().equals(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }

  private static String hostName(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return null;
    }
    URI uri = parse("http://" + hostHeader.trim().toLowerCase(Locale.ROOT));
    if (uri == null || uri.getHost() == null) {
      return "";
    }
    String host = uri.getHost();
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  private static boolean isIpv4(String host) {
    return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  private static URI parse(String text) {
    try {
      return URI.create(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
