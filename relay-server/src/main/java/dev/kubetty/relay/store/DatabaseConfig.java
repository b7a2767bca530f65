package dev.kubetty.relay.store;

import dev.kubetty.relay.config.ConfigException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the relay's PostgreSQL is: an external server (CloudNativePG in a cluster) or an embedded
 * one started by the relay. Parsed once from the environment by {@link #fromEnv}.
 *
 * <ul>
 *   <li>{@code DATABASE_URL}: a full {@code jdbc:postgresql://} URL; user and password from {@code
 *       CNPG_USER} / {@code CNPG_PASSWORD} if set (else from the URL).
 *   <li>else {@code CNPG_HOST} with {@code CNPG_PORT} (default 5432), {@code CNPG_DATABASE}
 *       (default {@code kubetty}), {@code CNPG_USER}, {@code CNPG_PASSWORD}.
 *   <li>else embedded, with its data in {@code KUBETTY_DATA_DIR} (default {@code
 *       $XDG_DATA_HOME/kubetty}, else {@code ~/.local/share/kubetty}) + {@code /postgres}.
 * </ul>
 *
 * <p>{@link #toString} never shows a password.
 */
public sealed interface DatabaseConfig {
  /** The relay's own data directory; the transcript spool lives here too. */
  Path dataDirectory();

  /** An external PostgreSQL reached through {@code jdbcUrl}. */
  record External(String jdbcUrl, String user, String password, Path dataDirectory)
      implements DatabaseConfig {
    @Override
    public String toString() {
      // The query string may carry a password; the user is not a secret.
      String url = jdbcUrl.contains("?") ? jdbcUrl.substring(0, jdbcUrl.indexOf('?')) : jdbcUrl;
      return "External[" + url + " as " + (user == null ? "(user from the URL)" : user) + "]";
    }
  }

  /** An embedded PostgreSQL with its cluster in {@code dataDirectory/postgres}. */
  record Embedded(Path dataDirectory) implements DatabaseConfig {
    /** The PostgreSQL cluster directory. */
    public Path clusterDirectory() {
      return dataDirectory.resolve("postgres");
    }
  }

  /** Parses {@code env}; a bad value throws a {@link ConfigException} naming the variable. */
  static DatabaseConfig fromEnv(Map<String, String> env) {
    Path data = dataDirectory(env);
    String url = value(env, "DATABASE_URL");
    if (url != null) {
      if (!url.startsWith("jdbc:postgresql://")) {
        throw new ConfigException("DATABASE_URL", "must start with jdbc:postgresql://");
      }
      return new External(url, value(env, "CNPG_USER"), value(env, "CNPG_PASSWORD"), data);
    }
    String host = value(env, "CNPG_HOST");
    if (host == null) {
      for (String name : List.of("CNPG_PORT", "CNPG_DATABASE", "CNPG_USER", "CNPG_PASSWORD")) {
        if (value(env, name) != null) {
          throw new ConfigException("CNPG_HOST", "must be set when " + name + " is set");
        }
      }
      return new Embedded(data);
    }
    if (host.contains("/") || host.contains("?") || host.contains(" ")) {
      throw new ConfigException("CNPG_HOST", "'" + host + "' is not a host name or address");
    }
    int port = port(value(env, "CNPG_PORT"));
    String database = value(env, "CNPG_DATABASE");
    database = database == null ? "kubetty" : database;
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    String jdbcUrl =
        "jdbc:postgresql://"
            + hostPart
            + ":"
            + port
            + "/"
            + URLEncoder.encode(database, StandardCharsets.UTF_8);
    return new External(jdbcUrl, value(env, "CNPG_USER"), value(env, "CNPG_PASSWORD"), data);
  }

  private static int port(String value) {
    if (value == null) {
      return 5432;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below with the variable's name
    }
    throw new ConfigException("CNPG_PORT", "'" + value + "' must be a port number 1-65535");
  }

  private static Path dataDirectory(Map<String, String> env) {
    String explicit = value(env, "KUBETTY_DATA_DIR");
    if (explicit != null) {
      Path path = Path.of(explicit);
      if (!path.isAbsolute()) {
        throw new ConfigException("KUBETTY_DATA_DIR", "'" + explicit + "' must be absolute");
      }
      return path;
    }
    String xdg = value(env, "XDG_DATA_HOME");
    if (xdg != null && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "kubetty");
    }
    String home = value(env, "HOME");
    home = home == null ? System.getProperty("user.home") : home;
    return Path.of(home, ".local", "share", "kubetty");
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
