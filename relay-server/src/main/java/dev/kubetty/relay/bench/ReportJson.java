package dev.kubetty.relay.bench;

/** Renders a {@link BenchReport} as one JSON object (no library: the shape is small and fixed). */
public final class ReportJson {
  private ReportJson() {}

  public static String render(BenchReport report) {
    MachineInfo machine = report.machine();
    StringBuilder out = new StringBuilder("{\"machine\":{");
    out.append("\"cores\":").append(machine.cores());
    out.append(",\"cpu\":").append(quote(machine.cpu()));
    out.append(",\"jvm\":").append(quote(machine.jvm()));
    out.append(",\"os\":").append(quote(machine.os()));
    out.append("},\"seconds\":").append(Numbers.format(report.seconds()));
    out.append(",\"measurements\":[");
    String separator = "";
    for (Measurement m : report.measurements()) {
      out.append(separator).append(measurement(m));
      separator = ",";
    }
    return out.append("]}").toString();
  }

  private static String measurement(Measurement m) {
    return "{\"name\":"
        + quote(m.name())
        + ",\"value\":"
        + Numbers.format(m.value())
        + ",\"unit\":"
        + quote(m.unit())
        + ",\"goal\":"
        + (m.goal() == null ? "null" : quote(m.goalText()))
        + ",\"result\":"
        + quote(m.verdict())
        + ",\"how\":"
        + quote(m.note())
        + "}";
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
