package dev.kubetty.desktop.tabs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.kubetty.desktop.kube.ExecTarget;

/**
 * What a tab is, as saved to reopen it at the next start: a relay tab for a project, a local shell,
 * or a shell in a Kubernetes container.
 *
 * @param kind {@code "relay"}, {@code "local"} or {@code "exec"}
 * @param projectId the project for a relay tab, else {@code null}
 * @param exec the container for an exec tab (names only, never credentials), else {@code null}
 */
public record TabSpec(String kind, String projectId, ExecTarget exec) {
  public static final String RELAY = "relay";
  public static final String LOCAL = "local";
  public static final String EXEC = "exec";

  /** A relay tab for {@code projectId}. */
  public static TabSpec relay(String projectId) {
    return new TabSpec(RELAY, projectId, null);
  }

  /** A local shell tab. */
  public static TabSpec local() {
    return new TabSpec(LOCAL, null, null);
  }

  /** A shell in {@code target}. */
  public static TabSpec exec(ExecTarget target) {
    return new TabSpec(EXEC, null, target);
  }

  /** Whether this is a local shell tab. */
  @JsonIgnore
  public boolean isLocal() {
    return LOCAL.equals(kind);
  }

  /** Whether this is an exec tab with a target. */
  @JsonIgnore
  public boolean isExec() {
    return EXEC.equals(kind) && exec != null;
  }
}
