package dev.kubetty.relay.store;

import java.time.Instant;

/**
 * Bytes of the output ({@link Direction#OUTPUT}) or input ({@link Direction#INPUT}) stream starting
 * at {@code streamOffset} of that stream. The array is owned by the row: never modified after
 * construction.
 */
public record ChunkRow(
    String sessionId, Direction direction, long streamOffset, Instant recordedAt, byte[] data)
    implements TranscriptRow {

  /** Which stream a chunk belongs to; {@link #code} is the stored {@code char(1)}. */
  public enum Direction {
    OUTPUT("o"),
    INPUT("i");

    private final String code;

    Direction(String code) {
      this.code = code;
    }

    /** The stored code: {@code o} or {@code i}. */
    public String code() {
      return code;
    }

    /** The direction stored as {@code code}. */
    public static Direction ofCode(String code) {
      return switch (code) {
        case "o" -> OUTPUT;
        case "i" -> INPUT;
        default -> throw new IllegalArgumentException("unknown direction " + code);
      };
    }
  }

  /** The stored direction code, for binding. */
  public String directionCode() {
    return direction.code();
  }

  /** The offset just past the last byte. */
  public long endOffset() {
    return streamOffset + data.length;
  }

  @Override
  public int payloadBytes() {
    return data.length;
  }
}
