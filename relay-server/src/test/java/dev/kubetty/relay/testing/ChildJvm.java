package dev.kubetty.relay.testing;

import java.util.ArrayList;
import java.util.List;

/** Command lines that run a main class in a child JVM with this JVM's binary and test classpath. */
public final class ChildJvm {
  private ChildJvm() {}

  /** {@code java … KubettyRelay args…} with this JVM's binary and classpath. */
  public static List<String> kubettyRelay(String... args) {
    // A short-lived tool: start fast rather than peak throughput.
    return command(
        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
        "dev.kubetty.relay.cli.KubettyRelay",
        args);
  }

  /** {@code java OPTIONS -cp CLASSPATH MAIN args…} with this JVM's binary and classpath. */
  public static List<String> command(List<String> jvmOptions, String mainClass, String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return command;
  }
}
