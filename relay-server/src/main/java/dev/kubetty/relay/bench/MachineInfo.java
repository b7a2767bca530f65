package dev.kubetty.relay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmark ran.
 *
 * @param cores available processors
 * @param cpu CPU model from /proc/cpuinfo, or "unknown"
 * @param jvm runtime name, vendor and version
 * @param os kernel name, version and architecture
 */
public record MachineInfo(int cores, String cpu, String jvm, String os) {

  static MachineInfo current() {
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("java.vm.name")
            + " "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vendor")
            + ")",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
  }

  private static String cpuModel() {
    try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      // Not Linux, or /proc hidden: the model is a nicety.
      return "unknown";
    }
  }
}
