package dev.kubetty.relay.cli;

import dev.kubetty.relay.config.ConfigException;
import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.server.RelayServer;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code serve}: runs the relay until SIGTERM or SIGINT, then shuts down gracefully. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the relay: a persistent login shell served over WebSocket.",
      "Configured by environment variables (see README): AUTH_MODE (required),",
      "KUBETTY_LISTEN, KUBETTY_BUFFER_BYTES, KUBETTY_WINDOW_BYTES, KUBETTY_RESUME_GRACE,",
      "SESSION_ID, SHELL, HOME."
    })
final class ServeCommand implements Callable<Integer> {

  @Override
  public Integer call() throws InterruptedException {
    RelayConfig config;
    try {
      config = RelayConfig.fromEnvironment(System.getenv());
    } catch (ConfigException e) {
      System.err.println("kubetty-relay: configuration error: " + e.getMessage());
      return 2;
    }
    RelayServer relay;
    try {
      relay = RelayServer.start(config);
    } catch (IOException e) {
      System.err.println("kubetty-relay: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(relay::close));
    System.out.println("kubetty-relay listening on " + relay.httpUri());
    relay.join();
    return 0;
  }
}
