package dev.kubetty.relay.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line that starts a relay as a separate process with the same JVM as this one:
 * {@code java -jar JAR serve} when a jar is known, else {@code java -cp CLASSPATH MAIN serve}.
 */
public final class RelayLauncher {
  /**
   * The relay's production JVM options, as in {@code packaging/bin/kubetty-relay}: a small heap and
   * the serial collector suit one session's steady stream of short-lived chunks; C1 only, because
   * the relay is bound by system calls (C2 did not lower its CPU per MB) while C2's compile bursts
   * delayed keystroke echoes long after start-up and cost about 25 MiB of RSS at idle.
   */
  static final List<String> PRODUCTION_JVM_OPTIONS =
      List.of(
          "--enable-native-access=ALL-UNNAMED",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xmx256m",
          "-Xss512k");

  private RelayLauncher() {}

  /**
   * @param anchor a class of the relay, whose code source is the jar when running from one
   * @param explicitJar a jar given by the user, or {@code null}
   * @param mainClass the CLI main class, used with the class path when there is no jar
   * @param jvmArguments options after {@link #PRODUCTION_JVM_OPTIONS}; a later {@code -Xmx} wins
   */
  public static List<String> command(
      Class<?> anchor, Path explicitJar, String mainClass, List<String> jvmArguments) {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(PRODUCTION_JVM_OPTIONS);
    command.addAll(jvmArguments);
    Path jar = explicitJar != null ? explicitJar : runningJar(anchor);
    if (jar != null) {
      command.addAll(List.of("-jar", jar.toString()));
    } else {
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    }
    command.add("serve");
    return command;
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static Path runningJar(Class<?> anchor) {
    try {
      var source = anchor.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? path : null;
    } catch (URISyntaxException | SecurityException e) {
      // No usable location: fall back to the class path, which works in every launch mode.
      return null;
    }
  }
}
