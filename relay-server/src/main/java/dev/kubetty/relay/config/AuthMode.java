package dev.kubetty.relay.config;

import java.util.Locale;

/** How the relay authenticates clients ({@code AUTH_MODE}). */
public enum AuthMode {
  /** Local users in PostgreSQL, Argon2id passwords, JWT access and refresh tokens. */
  LOCAL,
  /** No authentication: anyone who reaches the port gets the shell. Loudly warned about. */
  DISABLED;

  /** Parses the value of {@code AUTH_MODE}; empty or unset is refused. */
  static AuthMode parse(String value) {
    if (value == null || value.isBlank()) {
      throw new ConfigException(
          "AUTH_MODE",
          "must be set; use AUTH_MODE=local (users and passwords, see README) or"
              + " AUTH_MODE=disabled to run without authentication (only on a trusted network)");
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "local" -> LOCAL;
      case "disabled" -> DISABLED;
      default ->
          throw new ConfigException(
              "AUTH_MODE", "unknown value '" + value.trim() + "'; supported: local, disabled");
    };
  }
}
