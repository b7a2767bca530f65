package dev.kubetty.relay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTableTest {
  private static final MachineInfo MACHINE = new MachineInfo(2, "Test CPU", "JVM 25", "Linux");

  @Test
  void alignsColumnsAndTrimsTheLastOne() {
    String table = ReportTable.align(List.of(List.of("a", "bb", ""), List.of("ccc", "d", "e")));
    assertThat(table).isEqualTo("a    bb\nccc  d   e\n");
  }

  @Test
  void rendersVerdictsGoalsAndMachine() {
    BenchReport report =
        new BenchReport(
            MACHINE,
            List.of(
                new Measurement("ratio", 0.95, "", Goal.atLeast(0.9), "medians"),
                new Measurement("close", 0.8964, "", Goal.atLeast(0.9), "just under"),
                new Measurement("p99", 1.5, "ms", Goal.atMost(1), "1000 keys"),
                new Measurement("rss", 120.25, "MiB", null, "")),
            12.5);
    String table = ReportTable.render(report);
    assertThat(table).contains("2 cores, Test CPU").contains("JVM 25");
    assertThat(table).containsPattern("ratio +0.95 +>= 0.90 +PASS +medians");
    // Just under the goal must not print as the goal itself.
    assertThat(table).containsPattern("close +0.896 +>= 0.90 +MISS +just under");
    assertThat(table).containsPattern("p99 +1.50 ms +<= 1 ms +MISS +1000 keys");
    assertThat(table).containsPattern("rss +120.3 MiB +- +info\n");
    assertThat(report.allGoalsMet()).isFalse();
  }

  @Test
  void rendersJson() {
    BenchReport report =
        new BenchReport(
            MACHINE, List.of(new Measurement("say \"hi\"", 2, "ms", Goal.atMost(1), "")), 1);
    assertThat(ReportJson.render(report))
        .startsWith("{\"machine\":{\"cores\":2,")
        .contains(
            "{\"name\":\"say \\\"hi\\\"\",\"value\":2,\"unit\":\"ms\",\"goal\":\"<= 1 ms\","
                + "\"result\":\"MISS\",\"how\":\"\"}");
  }
}
