package dev.kubetty.relay.transcript;

import dev.kubetty.relay.store.ChunkRow;
import dev.kubetty.relay.store.EventRow;
import dev.kubetty.relay.store.TranscriptRow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.CRC32C;

/**
 * The spool's record format, big-endian:
 *
 * <pre>
 * record  := length:u32  crc32c(payload):u32  payload[length]
 * payload := type:u8 ('o' | 'i' | 'r' | 'x')  idLength:u16  sessionId:utf8[idLength]
 *            recordedAt:i64 (microseconds since the epoch)  body
 * body    := streamOffset:i64  data[rest]                      for 'o' and 'i'
 *          | eventId:i64  outputOffset:i64  a:i32  b:i32        for 'r' and 'x'
 * </pre>
 */
final class SpoolCodec {
  static final int HEADER = 8;
  static final int MAX_PAYLOAD = 16 << 20;

  private SpoolCodec() {}

  /** The whole record (header and payload) for {@code row}. */
  static ByteBuffer encode(TranscriptRow row) {
    byte[] id = row.sessionId().getBytes(StandardCharsets.UTF_8);
    int body = row instanceof ChunkRow c ? 8 + c.data().length : 24;
    ByteBuffer payload = ByteBuffer.allocate(1 + 2 + id.length + 8 + body);
    payload.put(type(row)).putShort((short) id.length).put(id).putLong(micros(row.recordedAt()));
    switch (row) {
      case ChunkRow c -> payload.putLong(c.streamOffset()).put(c.data());
      case EventRow e ->
          payload.putLong(e.eventId()).putLong(e.outputOffset()).putInt(e.a()).putInt(e.b());
    }
    payload.flip();
    ByteBuffer record = ByteBuffer.allocate(HEADER + payload.remaining());
    record.putInt(payload.remaining()).putInt(crc(payload)).put(payload).flip();
    return record;
  }

  /** Decodes a payload whose CRC has been checked. */
  static TranscriptRow decode(ByteBuffer payload) {
    byte type = payload.get();
    byte[] id = new byte[Short.toUnsignedInt(payload.getShort())];
    payload.get(id);
    String sessionId = new String(id, StandardCharsets.UTF_8);
    Instant at = Instant.EPOCH.plus(payload.getLong(), ChronoUnit.MICROS);
    return switch (type) {
      case 'o', 'i' -> {
        long offset = payload.getLong();
        byte[] data = new byte[payload.remaining()];
        payload.get(data);
        yield new ChunkRow(
            sessionId, ChunkRow.Direction.ofCode(String.valueOf((char) type)), offset, at, data);
      }
      case 'r', 'x' ->
          new EventRow(
              sessionId,
              payload.getLong(),
              EventRow.Kind.ofCode(String.valueOf((char) type)),
              payload.getLong(),
              at,
              payload.getInt(),
              payload.getInt());
      default -> throw new IllegalArgumentException("unknown spool record type " + type);
    };
  }

  /** CRC-32C of the remaining bytes of {@code payload}, without moving its position. */
  static int crc(ByteBuffer payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload.duplicate());
    return (int) crc.getValue();
  }

  private static byte type(TranscriptRow row) {
    return switch (row) {
      case ChunkRow c -> (byte) c.direction().code().charAt(0);
      case EventRow e -> (byte) e.kind().code().charAt(0);
    };
  }

  private static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }
}
