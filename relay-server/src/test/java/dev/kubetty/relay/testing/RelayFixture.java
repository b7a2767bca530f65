package dev.kubetty.relay.testing;

import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.server.RelayRuntime;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.store.DatabaseConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a real relay on 127.0.0.1, port 0, running {@code /bin/bash -l} in an empty home of its
 * own, so the machine's dotfiles (which may run slow or lock-taking tools) never reach the tests.
 */
public final class RelayFixture {
  private RelayFixture() {}

  /** A relay with default settings plus {@code overrides} (environment variable names). */
  public static RelayServer start(Map<String, String> overrides) throws IOException {
    Map<String, String> env = environment(emptyHome());
    env.putAll(overrides);
    RelayConfig config =
        RelayConfig.fromEnvironment(env).withListen(new InetSocketAddress("127.0.0.1", 0));
    return RelayServer.start(config);
  }

  /**
   * The relay as {@code serve} runs it, with its transcript in an embedded PostgreSQL under {@code
   * data} (also the shell's home). Starting twice with the same arguments restarts the same
   * session.
   */
  public static RelayRuntime startRuntime(Path data, String sessionId) throws IOException {
    return startRuntime(data, sessionId, Map.of());
  }

  /** As {@link #startRuntime(Path, String)} plus {@code overrides} (environment variable names). */
  public static RelayRuntime startRuntime(
      Path data, String sessionId, Map<String, String> overrides) throws IOException {
    Map<String, String> env = environment(data);
    env.put("KUBETTY_LISTEN", "127.0.0.1:0");
    env.put("KUBETTY_DATA_DIR", data.toString());
    env.put("SESSION_ID", sessionId);
    env.putAll(overrides);
    return RelayRuntime.start(RelayConfig.fromEnvironment(env), DatabaseConfig.fromEnv(env));
  }

  private static Map<String, String> environment(Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("AUTH_MODE", "disabled");
    env.put("HOME", home.toString());
    env.put("SHELL", "/bin/bash");
    return env;
  }

  private static Path emptyHome() throws IOException {
    Path home = Files.createTempDirectory("kubetty-home-");
    home.toFile().deleteOnExit();
    return home;
  }

  public static RelayServer start() throws IOException {
    return start(Map.of());
  }
}
