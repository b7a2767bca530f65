package dev.kubetty.relay.exec;

import dev.kubetty.relay.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration of the exec gateway ({@code POST /api/exec/tickets}, {@code GET /exec}).
 *
 * @param allow {@code KUBETTY_EXEC_ALLOW}: comma-separated {@link PodPattern}s the relay's own
 *     service account may exec into; empty (the default) = exec with the service account is off
 * @param callerKubeconfig {@code KUBETTY_EXEC_KUBECONFIG} ({@code on}/{@code off}, default {@code
 *     off}): whether a caller may bring their own kubeconfig, which then decides (with their RBAC)
 *     where they may exec; the allow-list does not apply to it
 */
public record ExecConfig(List<PodPattern> allow, boolean callerKubeconfig) {
  /** The gateway switched off. */
  public static final ExecConfig OFF = new ExecConfig(List.of(), false);

  public ExecConfig {
    allow = List.copyOf(allow);
  }

  /**
   * Parses {@code KUBETTY_EXEC_ALLOW} and {@code KUBETTY_EXEC_KUBECONFIG}.
   *
   * @throws ConfigException naming the variable that is invalid
   */
  public static ExecConfig fromEnvironment(Map<String, String> env) {
    List<PodPattern> allow = new ArrayList<>();
    String list = env.getOrDefault("KUBETTY_EXEC_ALLOW", "").trim();
    if (!list.isEmpty()) {
      for (String entry : list.split(",")) {
        try {
          allow.add(PodPattern.parse(entry));
        } catch (IllegalArgumentException e) {
          throw new ConfigException("KUBETTY_EXEC_ALLOW", e.getMessage());
        }
      }
    }
    String uploads =
        env.getOrDefault("KUBETTY_EXEC_KUBECONFIG", "").trim().toLowerCase(Locale.ROOT);
    boolean callerKubeconfig =
        switch (uploads) {
          case "", "off", "false", "0", "no" -> false;
          case "on", "true", "1", "yes" -> true;
          default ->
              throw new ConfigException(
                  "KUBETTY_EXEC_KUBECONFIG", "'" + uploads + "' must be on or off");
        };
    return new ExecConfig(allow, callerKubeconfig);
  }

  /** Whether the gateway answers at all (service-account exec or caller kubeconfigs). */
  public boolean enabled() {
    return !allow.isEmpty() || callerKubeconfig;
  }

  /** Whether the service account may exec into {@code namespace/pod}. */
  public boolean allows(String namespace, String pod) {
    return allow.stream().anyMatch(p -> p.matches(namespace, pod));
  }
}
