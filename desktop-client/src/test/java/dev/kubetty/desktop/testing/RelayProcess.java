package dev.kubetty.desktop.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real relay: {@code java -jar relay-server/target/kubetty-relay.jar serve} as a child process on
 * 127.0.0.1 port 0, with an empty temporary home (the shell's) and data directory. The URL is read
 * from the line it prints when listening.
 */
public final class RelayProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final URI httpUri;
  private final Path home;

  private RelayProcess(Process process, URI httpUri, Path home) {
    this.process = process;
    this.httpUri = httpUri;
    this.home = home;
  }

  /**
   * Starts a relay with {@code AUTH_MODE=local} (and its embedded PostgreSQL) and a first user;
   * {@link #credentials()} gives the user name and password.
   */
  public static RelayProcess startWithAuth() throws IOException {
    byte[] secret = new byte[32];
    new java.security.SecureRandom().nextBytes(secret);
    return start(
        true,
        Map.of(
            "AUTH_MODE", "local",
            "AUTH_JWT_SECRET", java.util.Base64.getEncoder().encodeToString(secret),
            "AUTH_COOKIE_SECURE", "false"),
        true);
  }

  /** Starts a relay; {@code transcript} turns the embedded PostgreSQL store on. */
  public static RelayProcess start(boolean transcript, Map<String, String> extraEnv)
      throws IOException {
    return start(transcript, extraEnv, false);
  }

  private static RelayProcess start(
      boolean transcript, Map<String, String> extraEnv, boolean firstUser) throws IOException {
    String jar =
        System.getProperty("kubetty.relay.jar", "../relay-server/target/kubetty-relay.jar");
    if (!Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          jar + " is missing: build relay-server first (./mvnw -B -q package -DskipTests)");
    }
    Path home = Files.createTempDirectory("kubetty-relay-home-");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-jar", jar, "serve"));
    if (firstUser) {
      command.addAll(
          List.of(
              "--first-user",
              "alice",
              "--credentials-file",
              home.resolve("credentials").toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("AUTH_MODE", "disabled");
    env.put("KUBETTY_LISTEN", "127.0.0.1:0");
    env.put("HOME", home.toString());
    env.put("SHELL", "/bin/bash");
    env.put("KUBETTY_DATA_DIR", home.resolve(".data").toString());
    env.put("KUBETTY_TRANSCRIPT", transcript ? "on" : "off");
    env.put("KUBETTY_LOG_LEVEL", "WARN");
    env.putAll(extraEnv);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    CompletableFuture<URI> url = new CompletableFuture<>();
    StringBuilder output = new StringBuilder();
    Thread.ofPlatform()
        .daemon()
        .name("relay-output")
        .start(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    url.complete(URI.create(m.group(1)));
                  }
                }
              } catch (IOException e) {
                url.completeExceptionally(e);
              }
              url.completeExceptionally(new IOException("relay exited:\n" + output));
            });
    try {
      return new RelayProcess(process, url.get(60, TimeUnit.SECONDS), home);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IOException("relay did not start: " + e.getMessage(), e);
    }
  }

  /** The relay's base URL, such as {@code http://127.0.0.1:41234}. */
  public URI httpUri() {
    return httpUri;
  }

  /** The first user's name and password (relays started with {@link #startWithAuth()}). */
  public String[] credentials() throws IOException {
    String user = null;
    String password = null;
    for (String line : Files.readAllLines(home.resolve("credentials"))) {
      if (line.startsWith("username=")) {
        user = line.substring("username=".length());
      } else if (line.startsWith("password=")) {
        password = line.substring("password=".length());
      }
    }
    return new String[] {user, password};
  }

  /** The shell's home directory. */
  public Path home() {
    return home;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
