package dev.kubetty.relay.bench;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link BenchReport} as an aligned plain-text table with a machine header. */
public final class ReportTable {
  private static final List<String> HEADINGS =
      List.of("measurement", "value", "goal", "result", "how");

  private ReportTable() {}

  public static String render(BenchReport report) {
    MachineInfo machine = report.machine();
    StringBuilder out = new StringBuilder();
    out.append("KubeTTY relay benchmark\n");
    out.append("machine: ").append(machine.cores()).append(" cores, ").append(machine.cpu());
    out.append("\njvm:     ").append(machine.jvm());
    out.append("\nos:      ").append(machine.os()).append("\n\n");
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADINGS);
    for (Measurement m : report.measurements()) {
      rows.add(List.of(m.name(), m.valueText(), m.goalText(), m.verdict(), m.note()));
    }
    out.append(align(rows));
    out.append("\nbenchmark took ").append(Numbers.format(report.seconds())).append(" s\n");
    return out.toString();
  }

  /** Pads every column but the last to its widest cell, two spaces apart. */
  static String align(List<List<String>> rows) {
    int columns = rows.getFirst().size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        line.append(c < columns - 1 ? cell + " ".repeat(widths[c] - cell.length() + 2) : cell);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
