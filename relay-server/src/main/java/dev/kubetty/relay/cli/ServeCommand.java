package dev.kubetty.relay.cli;

import dev.kubetty.relay.auth.FirstUser;
import dev.kubetty.relay.auth.PasswordHasher;
import dev.kubetty.relay.auth.UserAdmin;
import dev.kubetty.relay.config.AuthMode;
import dev.kubetty.relay.config.ConfigException;
import dev.kubetty.relay.config.RelayConfig;
import dev.kubetty.relay.server.RelayRuntime;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.store.DatabaseConfig;
import dev.kubetty.relay.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the relay until SIGTERM or SIGINT, then shuts down gracefully. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the relay: a persistent login shell served over WebSocket.",
      "Configured by environment variables (see README): AUTH_MODE (required: local or",
      "disabled), AUTH_JWT_SECRET, AUTH_ACCESS_TTL, AUTH_REFRESH_TTL, AUTH_ISSUER,",
      "AUTH_COOKIE_DOMAIN, AUTH_COOKIE_SECURE, KUBETTY_ALLOWED_ORIGINS,",
      "KUBETTY_LISTEN, KUBETTY_BUFFER_BYTES, KUBETTY_WINDOW_BYTES, KUBETTY_RESUME_GRACE,",
      "SESSION_ID, DEPLOYMENT_ID, SHELL, HOME; the transcript database: CNPG_HOST, CNPG_PORT,",
      "CNPG_DATABASE, CNPG_USER, CNPG_PASSWORD or DATABASE_URL (none: an embedded PostgreSQL",
      "in KUBETTY_DATA_DIR)."
    })
final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Option(
      names = "--first-user",
      paramLabel = "NAME",
      description = {
        "With AUTH_MODE=local and no users yet: create user NAME with a random password",
        "and save both to --credentials-file (mode 0600; the password is never logged)."
      })
  String firstUser;

  @Option(
      names = "--credentials-file",
      paramLabel = "FILE",
      description = "Where --first-user saves its credentials (mode 0600).")
  Path credentialsFile;

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
        if (config.authMode() == AuthMode.LOCAL) {
          try {
            ensureUsers(runtime);
          } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
          }
        }
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

  /** Creates the first user if asked to, or says how to create one. */
  private void ensureUsers(RelayRuntime runtime) throws IOException {
    UserAdmin users = new UserAdmin(runtime.database().jdbi(), new PasswordHasher());
    if (firstUser == null) {
      if (!users.hasUsers()) {
        log.warn(
            "AUTH_MODE=local and no users yet: create one with"
                + " 'kubetty-relay users create --username NAME'");
      }
      return;
    }
    Path file = credentialsFile != null ? credentialsFile : Path.of("kubetty-credentials");
    Optional<FirstUser.Credentials> created = FirstUser.createIfNone(users, firstUser, file);
    // The password goes only to the 0600 file: stdout may be a log (a pod's, or run-local's).
    created.ifPresent(
        c ->
            log.info(
                "event=first-user-created user={} credentials={} (mode 0600)",
                c.username(),
                c.file()));
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
