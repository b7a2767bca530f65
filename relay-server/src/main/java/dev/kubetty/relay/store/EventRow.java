package dev.kubetty.relay.store;

import java.time.Instant;

/**
 * A resize ({@link Kind#RESIZE}: {@code a} = columns, {@code b} = rows) or shell exit ({@link
 * Kind#EXIT}: {@code a} = exit code) that happened after output byte {@code outputOffset - 1}.
 * {@code eventId} is unique per session and increases in the order events happened.
 */
public record EventRow(
    String sessionId, long eventId, Kind kind, long outputOffset, Instant recordedAt, int a, int b)
    implements TranscriptRow {

  /** The kind of event; {@link #code} is the stored {@code char(1)}. */
  public enum Kind {
    RESIZE("r"),
    EXIT("x");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /** The stored code: {@code r} or {@code x}. */
    public String code() {
      return code;
    }

    /** The kind stored as {@code code}. */
    public static Kind ofCode(String code) {
      return switch (code) {
        case "r" -> RESIZE;
        case "x" -> EXIT;
        default -> throw new IllegalArgumentException("unknown event kind " + code);
      };
    }
  }

  /** The stored kind code, for binding. */
  public String kindCode() {
    return kind.code();
  }

  @Override
  public int payloadBytes() {
    return 32;
  }
}
