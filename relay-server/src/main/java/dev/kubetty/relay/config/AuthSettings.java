package dev.kubetty.relay.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Authentication settings, parsed from the environment with the rest of {@link RelayConfig}.
 *
 * @param mode {@code AUTH_MODE}
 * @param jwtSecret the HMAC key for access tokens ({@code AUTH_JWT_SECRET}, base64 or raw, at least
 *     32 bytes; required with {@code local}, empty with {@code disabled})
 * @param accessTtl access token lifetime ({@code AUTH_ACCESS_TTL}, default 15m)
 * @param refreshTtl refresh token lifetime ({@code AUTH_REFRESH_TTL}, default 720h)
 * @param issuer JWT issuer ({@code AUTH_ISSUER}, default {@code kubetty})
 * @param cookieDomain {@code Domain} of the auth cookies ({@code AUTH_COOKIE_DOMAIN}); null means
 *     host-only cookies
 * @param cookieSecure whether the cookies are {@code Secure} ({@code AUTH_COOKIE_SECURE}, default
 *     true)
 * @param allowedOrigins browser origins besides the relay's own that may open a WebSocket or send
 *     cookie-authenticated requests ({@code KUBETTY_ALLOWED_ORIGINS}, comma-separated, e.g. {@code
 *     https://gateway.example.com})
 */
public record AuthSettings(
    AuthMode mode,
    byte[] jwtSecret,
    Duration accessTtl,
    Duration refreshTtl,
    String issuer,
    String cookieDomain,
    boolean cookieSecure,
    List<String> allowedOrigins) {

  /** The shortest accepted {@code AUTH_JWT_SECRET}: 32 bytes (HS256 needs 256 bits). */
  public static final int MIN_SECRET_BYTES = 32;

  public AuthSettings {
    jwtSecret = jwtSecret.clone();
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  @Override
  public byte[] jwtSecret() {
    return jwtSecret.clone();
  }

  static AuthSettings fromEnvironment(EnvReader in, AuthMode mode) {
    List<String> origins = origins(in.string("KUBETTY_ALLOWED_ORIGINS", ""));
    Duration access = in.duration("AUTH_ACCESS_TTL", Duration.ofMinutes(15));
    Duration refresh = in.duration("AUTH_REFRESH_TTL", Duration.ofHours(720));
    if (access.toSeconds() < 10) {
      throw new ConfigException("AUTH_ACCESS_TTL", "must be at least 10s");
    }
    if (refresh.compareTo(access) <= 0) {
      throw new ConfigException("AUTH_REFRESH_TTL", "must be longer than AUTH_ACCESS_TTL");
    }
    String domain = in.string("AUTH_COOKIE_DOMAIN", "");
    if (!domain.isEmpty() && !domain.matches("[A-Za-z0-9.-]+")) {
      throw new ConfigException("AUTH_COOKIE_DOMAIN", "'" + domain + "' is not a domain name");
    }
    String issuer = in.string("AUTH_ISSUER", "kubetty");
    if (issuer.isEmpty()) {
      throw new ConfigException("AUTH_ISSUER", "must not be empty");
    }
    byte[] secret = mode == AuthMode.LOCAL ? secret(in.string("AUTH_JWT_SECRET", "")) : new byte[0];
    return new AuthSettings(
        mode,
        secret,
        access,
        refresh,
        issuer,
        domain.isEmpty() ? null : domain,
        in.onOff("AUTH_COOKIE_SECURE", true),
        origins);
  }

  /**
   * The key bytes: the base64 (standard or URL-safe) decoding when the value is valid base64 of at
   * least 32 bytes, else the value's raw UTF-8 bytes.
   */
  static byte[] secret(String value) {
    if (value.isEmpty()) {
      throw new ConfigException(
          "AUTH_JWT_SECRET",
          "must be set with AUTH_MODE=local; generate one with: head -c 32 /dev/urandom | base64");
    }
    byte[] decoded = decodeBase64(value);
    byte[] key = decoded != null && decoded.length >= MIN_SECRET_BYTES ? decoded : utf8(value);
    if (key.length < MIN_SECRET_BYTES) {
      throw new ConfigException(
          "AUTH_JWT_SECRET",
          "is "
              + key.length
              + " bytes; at least "
              + MIN_SECRET_BYTES
              + " are required (head -c 32 /dev/urandom | base64)");
    }
    return key;
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] decodeBase64(String value) {
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException notStandard) {
      try {
        return Base64.getUrlDecoder().decode(value);
      } catch (IllegalArgumentException notUrlSafe) {
        return null; // raw secret
      }
    }
  }

  private static List<String> origins(String value) {
    List<String> origins = new ArrayList<>();
    for (String part : value.split(",")) {
      String origin = part.trim().toLowerCase(Locale.ROOT);
      if (origin.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(origin);
      } catch (IllegalArgumentException e) {
        uri = null;
      }
      if (uri == null
          || uri.getHost() == null
          || !(origin.startsWith("http://") || origin.startsWith("https://"))
          || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
        throw new ConfigException(
            "KUBETTY_ALLOWED_ORIGINS",
            "'" + part.trim() + "' is not an origin such as https://host or https://host:8443");
      }
      origins.add(origin);
    }
    return origins;
  }

  @Override
  public String toString() {
    return "AuthSettings[mode="
        + mode
        + ", accessTtl="
        + accessTtl
        + ", refreshTtl="
        + refreshTtl
        + ", issuer="
        + issuer
        + ", cookieDomain="
        + cookieDomain
        + ", cookieSecure="
        + cookieSecure
        + ", allowedOrigins="
        + allowedOrigins
        + "]";
  }
}
