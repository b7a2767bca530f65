package dev.kubetty.desktop.projects;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Checks a project before it is saved; messages are sentences for people. */
public final class ProjectValidator {
  private ProjectValidator() {}

  /**
   * The problems with {@code candidate} among {@code others} (the candidate itself, by id, is
   * ignored there); empty when it may be saved.
   */
  public static List<String> problems(Project candidate, Collection<Project> others) {
    List<String> problems = new ArrayList<>();
    String name = candidate.name().strip();
    if (name.isEmpty()) {
      problems.add("Give the project a name.");
    } else if (name.length() > 60) {
      problems.add("Keep the name under 60 characters.");
    } else if (others.stream()
        .anyMatch(
            p ->
                !p.id().equals(candidate.id())
                    && p.name().strip().toLowerCase(Locale.ROOT).equals(lower(name)))) {
      problems.add("Another project is already called \"" + name + "\".");
    }
    urlProblem(candidate.relayUrl().strip()).ifPresent(problems::add);
    return problems;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static java.util.Optional<String> urlProblem(String url) {
    if (url.isEmpty()) {
      return java.util.Optional.of("Enter the relay URL, such as http://127.0.0.1:8080.");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme)) {
        return java.util.Optional.of("The relay URL must start with http:// or https://.");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return java.util.Optional.of("The relay URL needs a host name.");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
        return java.util.Optional.of(
            "The relay URL must not carry a query, a fragment or a password.");
      }
      return java.util.Optional.empty();
    } catch (URISyntaxException e) {
      return java.util.Optional.of("The relay URL is not a valid URL.");
    }
  }
}
