package dev.kubetty.relay.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed access to environment variables; every failure is a {@link ConfigException}. */
final class EnvReader {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|k|ki|kib|m|mi|mib|g|gi|gib)");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  String string(String name, String fallback) {
    String value = env.get(name);
    return value == null ? fallback : value.trim();
  }

  /** A byte count such as {@code 8388608}, {@code 8MiB} or {@code 512k} (binary units). */
  int bytes(String name, int fallback, int min, int max) {
    String value = string(name, "");
    if (value.isEmpty()) {
      return fallback;
    }
    Matcher m = SIZE.matcher(value.toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw new ConfigException(name, "'" + value + "' is not a size such as 8MiB or 1048576");
    }
    int shift =
        switch (m.group(2).isEmpty() ? ' ' : m.group(2).charAt(0)) {
          case 'k' -> 10;
          case 'm' -> 20;
          case 'g' -> 30;
          default -> 0;
        };
    long bytes;
    try {
      bytes = Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
    } catch (ArithmeticException | NumberFormatException e) {
      bytes = Long.MAX_VALUE;
    }
    if (bytes < min || bytes > max) {
      throw new ConfigException(name, "must be between " + min + " and " + max + " bytes");
    }
    return (int) bytes;
  }

  /** A duration such as {@code 500ms}, {@code 30s}, {@code 15m} or {@code 2h}. */
  Duration duration(String name, Duration fallback) {
    String value = string(name, "");
    if (value.isEmpty()) {
      return fallback;
    }
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new ConfigException(name, "'" + value + "' is not a duration such as 30s, 15m or 2h");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /** A host and port such as {@code 127.0.0.1:8080}, {@code [::1]:0} or {@code 0.0.0.0:80}. */
  InetSocketAddress address(String name, String fallback) {
    String value = string(name, "");
    if (value.isEmpty()) {
      value = fallback;
    }
    int colon = value.lastIndexOf(':');
    if (colon <= 0) {
      throw new ConfigException(name, "'" + value + "' must be host:port, e.g. 127.0.0.1:8080");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new ConfigException(name, "port in '" + value + "' must be 0-65535");
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new ConfigException(name, "host '" + host + "' does not resolve");
    }
    return address;
  }

  /** {@code on} or {@code off} (also true/false, 1/0, yes/no). */
  boolean onOff(String name, boolean fallback) {
    String value = string(name, "").toLowerCase(java.util.Locale.ROOT);
    return switch (value) {
      case "" -> fallback;
      case "on", "true", "1", "yes" -> true;
      case "off", "false", "0", "no" -> false;
      default -> throw new ConfigException(name, "'" + value + "' must be on or off");
    };
  }

  /** A whole number of days, 1–36500, or {@code fallback} when unset; 0 is not accepted. */
  Duration days(String name, Duration fallback) {
    String value = string(name, "");
    if (value.isEmpty()) {
      return fallback;
    }
    long days;
    try {
      days = Long.parseLong(value);
    } catch (NumberFormatException e) {
      days = -1;
    }
    if (days < 1 || days > 36_500) {
      throw new ConfigException(
          name, "'" + value + "' must be a number of days from 1 to 36500 (unset keeps forever)");
    }
    return Duration.ofDays(days);
  }

  /** A short identifier: letters, digits, dot, dash, underscore; at most 63 characters. */
  String identifier(String name, String fallback) {
    String value = string(name, "");
    if (value.isEmpty()) {
      return fallback;
    }
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new ConfigException(
          name, "'" + value + "' must be 1-63 letters, digits, '.', '-' or '_'");
    }
    return value;
  }
}
