package dev.kubetty.relay.testing;

import java.util.ArrayList;
import java.util.List;

/** Command lines that run {@code kubetty-relay} in a child JVM with this JVM's test classpath. */
public final class ChildJvm {
  private ChildJvm() {}

  /** {@code java … KubettyRelay args…} with this JVM's binary and classpath. */
  public static List<String> kubettyRelay(String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                // A short-lived tool: start fast rather than peak throughput.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.kubetty.relay.cli.KubettyRelay"));
    command.addAll(List.of(args));
    return command;
  }
}
