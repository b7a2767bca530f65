package dev.kubetty.desktop.tabs;

/**
 * What a tab is, as saved to reopen it at the next start: a relay tab for a project, or a local
 * shell.
 *
 * @param kind {@code "relay"} or {@code "local"}
 * @param projectId the project for a relay tab, {@code null} for a local shell
 */
public record TabSpec(String kind, String projectId) {
  public static final String RELAY = "relay";
  public static final String LOCAL = "local";

  /** A relay tab for {@code projectId}. */
  public static TabSpec relay(String projectId) {
    return new TabSpec(RELAY, projectId);
  }

  /** A local shell tab. */
  public static TabSpec local() {
    return new TabSpec(LOCAL, null);
  }

  /** Whether this is a local shell tab. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isLocal() {
    return LOCAL.equals(kind);
  }
}
