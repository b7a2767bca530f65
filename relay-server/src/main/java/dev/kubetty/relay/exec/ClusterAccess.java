package dev.kubetty.relay.exec;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Where the gateway's Kubernetes clients come from: the relay's own service account, and clients
 * for callers' kubeconfigs.
 */
public interface ClusterAccess extends AutoCloseable {
  /**
   * WebSocket ping interval handed to fabric8 (its 7.x HTTP clients ignore it; {@link
   * ExecStream#keepalive} keeps exec streams alive instead).
   */
  long WEBSOCKET_PING_MILLIS = 20_000;

  /**
   * The client of the relay's service account (shared, thread-safe; closed by the gateway). Created
   * on first use.
   */
  KubernetesClient serviceAccount();

  /** Closes the clients this access created (not the ones it was given). */
  @Override
  default void close() {}

  /** The in-cluster configuration as fabric8 finds it (service account token and CA, namespace). */
  static ClusterAccess inCluster() {
    return new ClusterAccess() {
      private KubernetesClient client;

      @Override
      public synchronized KubernetesClient serviceAccount() {
        if (client == null) {
          Config config = Config.autoConfigure(null);
          config.setWebsocketPingInterval(WEBSOCKET_PING_MILLIS);
          config.setRequestRetryBackoffLimit(1);
          client = new KubernetesClientBuilder().withConfig(config).build();
        }
        return client;
      }

      @Override
      public synchronized void close() {
        if (client != null) {
          client.close();
        }
      }
    };
  }

  /** A fixed client (tests: the mock cluster's). */
  static ClusterAccess using(KubernetesClient client) {
    return () -> client;
  }
}
