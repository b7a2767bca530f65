package dev.kubetty.relay.exec;

import java.util.regex.Pattern;

/**
 * One entry of the exec allow-list: {@code namespace/pod} where each part is a glob ({@code *} any
 * run of characters, {@code ?} one character), e.g. {@code team-a/*}, {@code dev/api-7f9c}, or
 * {@code *}{@code /web-*} for web pods in every namespace.
 */
public record PodPattern(String namespaceGlob, String podGlob) {
  private static final Pattern PART = Pattern.compile("[a-z0-9*?.-]{1,253}");

  /**
   * Parses {@code namespace/pod}.
   *
   * @throws IllegalArgumentException if it is not two non-empty globs of DNS characters
   */
  public static PodPattern parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    if (slash <= 0 || slash == trimmed.length() - 1 || trimmed.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("'" + trimmed + "' is not namespace/pod (globs allowed)");
    }
    String namespace = trimmed.substring(0, slash);
    String pod = trimmed.substring(slash + 1);
    if (!PART.matcher(namespace).matches() || !PART.matcher(pod).matches()) {
      throw new IllegalArgumentException(
          "'" + trimmed + "' may contain only a-z, 0-9, '.', '-', '*' and '?'");
    }
    return new PodPattern(namespace, pod);
  }

  /** Whether {@code namespace/pod} is allowed by this entry. */
  public boolean matches(String namespace, String pod) {
    return glob(namespaceGlob, namespace) && glob(podGlob, pod);
  }

  private static boolean glob(String glob, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return value.matches(regex.toString());
  }

  @Override
  public String toString() {
    return namespaceGlob + "/" + podGlob;
  }
}
