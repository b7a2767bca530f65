package dev.kubetty.desktop.bench;

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
import java.util.concurrent.TimeUnit;

/**
 * {@code kubetty-desktop bench}: starts a relay (child process of {@code kubetty-relay.jar}), then
 * the desktop app several times as a fresh JVM with a project pointing at it, and prints a table:
 * cold start to a live prompt (first start, which also writes the class-data-sharing archive, and
 * the median of later starts) and the time the terminal needs to take in 50 MB of shell output.
 * Needs a display (use {@code xvfb-run} on a headless machine).
 */
public final class DesktopBench {
  private static final long START_GOAL_MS = 1500;

  private DesktopBench() {}

  /** Entry point; {@code args}: {@code [--runs N] [--megabytes N] [--relay-jar PATH]}. */
  public static int run(String[] args) throws Exception {
    int runs = 5;
    int megabytes = 50;
    String relayJar = System.getenv().getOrDefault("KUBETTY_RELAY_JAR", defaultRelayJar());
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--megabytes" -> megabytes = Integer.parseInt(args[++i]);
        case "--relay-jar" -> relayJar = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path work = Files.createTempDirectory("kubetty-desktop-bench-");
    Process relay = startRelay(relayJar, work);
    try {
      URI url = relayUrl(relay);
      List<Long> starts = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        starts.add(appRun(url, work, i, 0).promptMs);
      }
      AppRun render = appRun(url, work, runs, megabytes);
      print(starts, render, megabytes);
    } finally {
      relay.destroy();
      relay.waitFor(10, TimeUnit.SECONDS);
    }
    return 0;
  }

  private record AppRun(long promptMs, long renderMs) {}

  private static AppRun appRun(URI relay, Path work, int index, int megabytes) throws Exception {
    Path config = Files.createDirectories(work.resolve("config-" + index));
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "--enable-native-access=ALL-UNNAMED",
            "-XX:+AutoCreateSharedArchive",
            "-XX:SharedArchiveFile=" + work.resolve("desktop.jsa"),
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off",
            "-XX:TieredStopAtLevel=1",
            "-Dkubetty.config.dir=" + config,
            "-Dkubetty.bench.probe=true",
            "-Dkubetty.scrollback=" + Integer.getInteger("kubetty.scrollback", 10_000),
            "-Dkubetty.bench.render.mb=" + megabytes,
            "-cp",
            System.getProperty("java.class.path"),
            "dev.kubetty.desktop.app.KubettyDesktop",
            "--project",
            "bench=" + relay,
            "--no-auth"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("KUBETTY_LOG_LEVEL", "WARN");
    long t0 = System.nanoTime();
    Process app = builder.start();
    long prompt = -1;
    long render = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("kubetty-probe prompt")) {
          prompt = (System.nanoTime() - t0) / 1_000_000;
          if (megabytes == 0) {
            break;
          }
        } else if (line.startsWith("kubetty-probe render ")) {
          render = Long.parseLong(line.substring("kubetty-probe render ".length()).trim());
          break;
        } else if (line.startsWith("kubetty-probe phase ")
            && System.getenv("KUBETTY_BENCH_PHASES") != null) {
          System.out.println(
              "  run " + index + ": " + line.substring("kubetty-probe phase ".length()) + " ms");
        } else if (line.startsWith("kubetty-probe error")) {
          throw new IOException(line);
        }
      }
    }
    if (!app.waitFor(10, TimeUnit.SECONDS)) {
      app.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    if (prompt < 0) {
      throw new IOException("the app never showed a live prompt");
    }
    return new AppRun(prompt, render);
  }

  private static void print(List<Long> starts, AppRun render, int megabytes) {
    long first = starts.get(0);
    List<Long> later = new ArrayList<>(starts.subList(1, starts.size()));
    later.sort(null);
    long median = later.isEmpty() ? first : later.get(later.size() / 2);
    double mbPerS = render.renderMs > 0 ? megabytes * 1000.0 / render.renderMs : 0;
    System.out.printf("%-44s %12s %10s %6s%n", "metric", "value", "goal", "");
    System.out.printf(
        "%-44s %9d ms %10s %6s%n", "cold start to live prompt (first, no CDS)", first, "", "");
    System.out.printf(
        "%-44s %9d ms %10s %6s%n",
        "cold start to live prompt (median of " + later.size() + ")",
        median,
        "<= " + START_GOAL_MS + " ms",
        median <= START_GOAL_MS ? "PASS" : "MISS");
    System.out.printf(
        "%-44s %9d ms %10s %6s%n",
        "render " + megabytes + " MB of output in a tab",
        render.renderMs,
        String.format("%.1f MB/s", mbPerS),
        "");
    System.out.println("all starts (ms): " + starts);
  }

  private static Process startRelay(String jar, Path work) throws IOException {
    if (!Files.isRegularFile(Path.of(jar))) {
      throw new IOException(jar + " is missing: ./mvnw -B -q package -DskipTests");
    }
    Path home = Files.createDirectories(work.resolve("relay-home"));
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar,
                "serve")
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("AUTH_MODE", "disabled");
    env.put("KUBETTY_LISTEN", "127.0.0.1:0");
    env.put("HOME", home.toString());
    env.put("SHELL", "/bin/bash");
    env.put("KUBETTY_DATA_DIR", work.resolve("relay-data").toString());
    env.put("KUBETTY_TRANSCRIPT", "off");
    env.put("KUBETTY_LOG_LEVEL", "WARN");
    return builder.start();
  }

  private static URI relayUrl(Process relay) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      int at = line.indexOf("listening on ");
      if (at >= 0) {
        Thread.ofPlatform().daemon().start(() -> drain(out));
        return URI.create(line.substring(at + "listening on ".length()).trim());
      }
    }
    throw new IOException("the relay exited before listening");
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // Keep the relay's pipe from filling up.
      }
    } catch (IOException e) {
      // The relay stopped.
    }
  }

  private static String defaultRelayJar() {
    try {
      Path self =
          Path.of(DesktopBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // desktop-client/target/kubetty-desktop.jar (or target/classes) → relay-server/target/
      return self.getParent()
          .getParent()
          .getParent()
          .resolve("relay-server/target/kubetty-relay.jar")
          .toString();
    } catch (Exception e) {
      return "relay-server/target/kubetty-relay.jar";
    }
  }
}
