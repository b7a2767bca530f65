package dev.kubetty.relay.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code src/test/web/browser-suite.mjs} running in {@code node}: one headless Chromium (Debian's
 * {@code /usr/bin/chromium}, or {@code KUBETTY_CHROMIUM}) for all the scenarios of a test class.
 * {@link #run} asks for one scenario and returns the data it observed; the scenario's requests to
 * act on the relay (e.g. cut the network) go to the given handlers while it runs.
 *
 * <p>Not thread-safe: one scenario at a time. The suite's own log goes to this JVM's stderr.
 */
final class BrowserSuite implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "@@ ";
  static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

  private final Process node;
  private final BufferedReader out;
  private final Writer in;

  private BrowserSuite(Process node) {
    this.node = node;
    this.out =
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    this.in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * Starts node and the browser; returns once the browser runs. Pages that meet the login form sign
   * in as {@code username} with {@code password}.
   */
  static BrowserSuite start(String username, String password) throws IOException {
    Path chromium = Path.of(System.getenv().getOrDefault("KUBETTY_CHROMIUM", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      throw new IllegalStateException(
          "browser tests need Chromium at " + chromium + " (apt-get install -y chromium)");
    }
    Path web = Path.of("src", "main", "web").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(
                "node",
                Path.of("src", "test", "web", "browser-suite.mjs").toString(),
                web.resolve("package.json").toString(),
                ARTIFACTS.toAbsolutePath().toString(),
                chromium.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("KUBETTY_TEST_USER", username);
    builder.environment().put("KUBETTY_TEST_PASSWORD", password);
    BrowserSuite suite = new BrowserSuite(builder.start());
    JsonNode first = suite.next();
    if (first == null || !"ready".equals(first.path("event").asText())) {
      suite.close();
      throw new IllegalStateException("the browser suite did not start (see stderr)");
    }
    return suite;
  }

  /**
   * Runs scenario {@code name} against the page at {@code url}; {@code controls} answer the
   * scenario's requests by name. Returns the scenario's data.
   *
   * @throws AssertionError with the scenario's error and the last screen lines if it failed
   */
  JsonNode run(String name, URI url, Map<String, Runnable> controls) throws IOException {
    return run(name, url, Map.of(), controls);
  }

  /** As {@link #run(String, URI, Map)}, handing the scenario {@code args} (its second argument). */
  JsonNode run(String name, URI url, Map<String, String> args, Map<String, Runnable> controls)
      throws IOException {
    ObjectNode request = JSON.createObjectNode().put("run", name).put("url", url.toString());
    ObjectNode scenarioArgs = request.putObject("args");
    args.forEach(scenarioArgs::put);
    send(request);
    while (true) {
      JsonNode message = next();
      if (message == null) {
        throw new AssertionError("the browser suite ended during scenario " + name);
      }
      if (message.has("control")) {
        String control = message.get("control").asText();
        Runnable action = controls.get(control);
        if (action == null) {
          throw new AssertionError("scenario " + name + " asked for unknown control " + control);
        }
        action.run();
        send(JSON.createObjectNode().put("controlled", control));
      } else if (message.has("result")) {
        if (!message.get("ok").asBoolean()) {
          throw new AssertionError(
              "browser scenario " + name + ": " + message.get("error").asText());
        }
        return message.get("data");
      }
    }
  }

  JsonNode run(String name, URI url) throws IOException {
    return run(name, url, Map.of());
  }

  private void send(JsonNode message) throws IOException {
    in.write(JSON.writeValueAsString(message) + "\n");
    in.flush();
  }

  private JsonNode next() throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(PREFIX)) {
        return JSON.readTree(line.substring(PREFIX.length()));
      }
      System.err.println("[browser-suite] " + line);
    }
    return null;
  }

  /** Closes the browser and ends node. */
  @Override
  public void close() throws IOException {
    try {
      in.close();
      if (!node.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      node.destroyForcibly();
    }
  }
}
