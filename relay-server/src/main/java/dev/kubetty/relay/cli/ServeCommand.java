package dev.kubetty.relay.cli;

import dev.kubetty.relay.config.ConfigException;
import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.server.RelayRuntime;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.store.DatabaseConfig;
import dev.kubetty.relay.store.StoreException;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code serve}: runs the relay until SIGTERM or SIGINT, then shuts down gracefully. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the relay: a persistent login shell served over WebSocket.",
      "Configured by environment variables (see README): AUTH_MODE (required),",
      "KUBETTY_LISTEN, KUBETTY_BUFFER_BYTES, KUBETTY_WINDOW_BYTES, KUBETTY_RESUME_GRACE,",
      "SESSION_ID, DEPLOYMENT_ID, SHELL, HOME; the transcript database: CNPG_HOST, CNPG_PORT,",
      "CNPG_DATABASE, CNPG_USER, CNPG_PASSWORD or DATABASE_URL (none: an embedded PostgreSQL",
      "in KUBETTY_DATA_DIR)."
    })
final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Override
  public Integer call() throws InterruptedException {
    RelayConfig config;
    DatabaseConfig database;
    try {
      config = RelayConfig.fromEnvironment(System.getenv());
      database = DatabaseConfig.fromEnv(System.getenv());
    } catch (ConfigException e) {
      System.err.println("kubetty-relay: configuration error: " + e.getMessage());
      return 2;
    }
    AutoCloseable running;
    RelayServer server;
    try {
      if (config.transcript()) {
        RelayRuntime runtime = RelayRuntime.start(config, database);
        running = runtime;
        server = runtime.server();
      } else {
        log.warn("KUBETTY_TRANSCRIPT=off: nothing this session does is stored");
        server = RelayServer.start(config);
        running = server;
      }
    } catch (IOException | StoreException e) {
      System.err.println("kubetty-relay: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> close(running)));
    System.out.println("kubetty-relay listening on " + server.httpUri());
    server.join();
    return 0;
  }

  private static void close(AutoCloseable running) {
    try {
      running.close();
    } catch (Exception e) {
      // Shutting down: report and carry on, the process exits next.
      log.warn("event=shutdown-failed error={}", e.toString());
    }
  }
}
