package dev.kubetty.relay.testing;

import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.server.RelayServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/** Starts a real relay on 127.0.0.1, port 0, running {@code /bin/bash --norc --noprofile}. */
public final class RelayFixture {
  private RelayFixture() {}

  /** A relay with default settings plus {@code overrides} (environment variable names). */
  public static RelayServer start(Map<String, String> overrides) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("AUTH_MODE", "disabled");
    env.put("HOME", System.getProperty("java.io.tmpdir"));
    env.put("SHELL", "/bin/bash");
    env.putAll(overrides);
    RelayConfig config =
        RelayConfig.fromEnvironment(env).withListen(new InetSocketAddress("127.0.0.1", 0));
    return RelayServer.start(config);
  }

  public static RelayServer start() throws IOException {
    return start(Map.of());
  }
}
