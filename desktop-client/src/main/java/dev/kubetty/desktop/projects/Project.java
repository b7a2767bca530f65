package dev.kubetty.desktop.projects;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved connection profile: a name people see, the relay's base URL ({@code http://} or {@code
 * https://}, the WebSocket is {@code /ws} under it) and whether the relay wants a login.
 *
 * @param id stable id, used to key tokens and reopened tabs; never shown
 * @param name display name, unique among projects (case-insensitive)
 * @param relayUrl the relay's base URL as typed, such as {@code http://127.0.0.1:8080}
 * @param authEnabled whether to log in before attaching
 */
public record Project(String id, String name, String relayUrl, boolean authEnabled) {
  public Project {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(relayUrl, "relayUrl");
  }

  /** A new project with a fresh id. */
  public static Project create(String name, String relayUrl, boolean authEnabled) {
    return new Project(UUID.randomUUID().toString(), name.strip(), relayUrl.strip(), authEnabled);
  }

  /** The relay's base URI without a trailing slash; call only on a validated project. */
  public URI baseUri() {
    String url = relayUrl.endsWith("/") ? relayUrl.substring(0, relayUrl.length() - 1) : relayUrl;
    return URI.create(url);
  }

  /** The terminal WebSocket URI: {@code ws(s)://host:port/path/ws}. */
  public URI webSocketUri() {
    URI base = baseUri();
    String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    return URI.create(scheme + "://" + base.getRawAuthority() + path + "/ws");
  }

  /** An HTTP URI under the relay's base, such as {@code resolve("/api/auth/me")}. */
  public URI resolve(String pathAndQuery) {
    return URI.create(baseUri() + pathAndQuery);
  }
}
