package dev.kubetty.relay.exec;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * A kubeconfig a caller sent with a ticket request. It runs inside the relay, so it may only carry
 * credentials <b>inline</b>: tokens, basic auth, {@code *-data} certificates and keys. Anything
 * that would make the relay read its own files or run programs is refused: {@code exec} credential
 * plugins, {@code auth-provider}s, {@code tokenFile}, and certificate or key file paths (a path
 * such as the relay's service-account token would otherwise leak).
 *
 * <p>Never logged, never stored: it lives in memory with the ticket and the exec.
 */
final class CallerKubeconfig {
  /** A kubeconfig larger than this is refused (real ones are a few KiB). */
  static final int MAX_BYTES = 256 << 10;

  /**
   * One JSON mapper for the clients of every exec: a mapper of its own would rebuild its
   * deserializers by reflection for each one. Thread-safe.
   */
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private CallerKubeconfig() {}

  /**
   * Checks {@code yaml} and that {@code context} (or its current context) exists.
   *
   * @throws IllegalArgumentException with a message for the caller
   */
  static void validate(String yaml, String context) {
    io.fabric8.kubernetes.api.model.Config parsed = parse(yaml);
    if (parsed.getClusters() != null) {
      for (NamedCluster named : parsed.getClusters()) {
        Cluster c = named.getCluster();
        if (c != null && c.getCertificateAuthority() != null) {
          throw refused("cluster " + named.getName() + " names a certificate-authority file");
        }
      }
    }
    if (parsed.getUsers() != null) {
      for (NamedAuthInfo named : parsed.getUsers()) {
        checkUser(named.getName(), named.getUser());
      }
    }
    String name = context != null ? context : parsed.getCurrentContext();
    boolean exists =
        name != null
            && parsed.getContexts() != null
            && parsed.getContexts().stream().anyMatch(c -> name.equals(c.getName()));
    if (!exists) {
      throw new IllegalArgumentException(
          context != null
              ? "the kubeconfig has no context \"" + context + "\""
              : "the kubeconfig has no current-context; name one with \"context\"");
    }
  }

  private static void checkUser(String name, AuthInfo user) {
    if (user == null) {
      return;
    }
    if (user.getExec() != null) {
      throw refused("user " + name + " uses an exec credential plugin");
    }
    if (user.getAuthProvider() != null) {
      throw refused("user " + name + " uses an auth-provider");
    }
    if (user.getTokenFile() != null
        || user.getClientCertificate() != null
        || user.getClientKey() != null) {
      throw refused("user " + name + " names a token, certificate or key file");
    }
  }

  private static IllegalArgumentException refused(String what) {
    return new IllegalArgumentException(
        what
            + "; the relay accepts only inline credentials (token, username/password,"
            + " *-data certificates). Run `kubectl config view --minify --flatten --raw` and send"
            + " a token-based context.");
  }

  private static io.fabric8.kubernetes.api.model.Config parse(String yaml) {
    try {
      io.fabric8.kubernetes.api.model.Config parsed = KubeConfigUtils.parseConfigFromString(yaml);
      if (parsed == null) {
        throw new IllegalArgumentException("the kubeconfig is empty");
      }
      return parsed;
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      // The parser's message may quote the YAML (and so a credential): say less.
      throw new IllegalArgumentException("the kubeconfig is not valid kubeconfig YAML");
    }
  }

  /**
   * A client for {@code context} of a {@link #validate validated} kubeconfig; close it after use.
   */
  static KubernetesClient client(String yaml, String context) {
    Config config = Config.empty();
    KubeConfigUtils.merge(config, context, parse(yaml));
    config.setWebsocketPingInterval(ClusterAccess.WEBSOCKET_PING_MILLIS);
    config.setConnectionTimeout(10_000);
    config.setRequestRetryBackoffLimit(1);
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withKubernetesSerialization(SERIALIZATION)
        .build();
  }
}
