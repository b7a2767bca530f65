package dev.kubetty.relay.store;

import java.util.Arrays;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * How the relay stores a chunk's bytes: as one LZ4 block when that is clearly smaller, else as they
 * are. Compressing here, on the transcript's database thread, costs the relay a fraction of a
 * millisecond per MB and spares PostgreSQL its own per-row compression (pglz on servers built
 * without lz4, such as the embedded one), which was nearly all of the database's CPU in an output
 * flood. The column {@code raw_length} tells the two forms apart (migration V4): {@code NULL} for
 * bytes stored as they are, else the length they decompress to.
 *
 * <p>Thread-safe: the LZ4 instances hold no state; each thread has its own output buffer.
 */
final class ChunkCompression {
  /** Below this, a row is stored as it is (keystrokes, prompts): nothing worth saving. */
  static final int MIN_COMPRESSED_BYTES = 64;

  /** No row the writer forms is near this big; a larger stored length is corruption. */
  private static final int MAX_RAW_BYTES = 64 << 20;

  private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();
  private static final LZ4Compressor COMPRESSOR = LZ4.fastCompressor();
  private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4.safeDecompressor();

  /** Each encoding thread's output buffer, reused: only the compressed bytes are allocated. */
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

  private ChunkCompression() {}

  /** The row as stored: LZ4 if that saves at least an eighth, else the bytes as they are. */
  static EncodedChunk encode(ChunkRow row) {
    byte[] raw = row.data();
    if (raw.length >= MIN_COMPRESSED_BYTES) {
      int max = COMPRESSOR.maxCompressedLength(raw.length);
      byte[] buffer = SCRATCH.get();
      if (buffer.length < max) {
        buffer = new byte[max];
        SCRATCH.set(buffer);
      }
      int n = COMPRESSOR.compress(raw, 0, raw.length, buffer, 0, max);
      if (n <= raw.length - raw.length / 8) {
        return new EncodedChunk(row, Arrays.copyOf(buffer, n), raw.length);
      }
    }
    return new EncodedChunk(row, raw, null);
  }

  /**
   * The bytes of a stored row: {@code stored} itself when {@code rawLength} is {@code null}, else
   * the LZ4 block decompressed.
   *
   * @throws StoreException if the block is corrupt or does not decompress to {@code rawLength}
   */
  static byte[] decode(byte[] stored, Integer rawLength) {
    if (rawLength == null) {
      return stored;
    }
    if (rawLength < 0 || rawLength > MAX_RAW_BYTES) {
      throw new StoreException(
          "a stored transcript chunk is corrupt: raw_length " + rawLength + " is out of range",
          null);
    }
    byte[] raw = new byte[rawLength];
    int n;
    try {
      n = DECOMPRESSOR.decompress(stored, 0, stored.length, raw, 0, rawLength);
    } catch (LZ4Exception e) {
      throw new StoreException("a stored transcript chunk is corrupt: " + e.getMessage(), e);
    }
    if (n != rawLength) {
      throw new StoreException(
          "a stored transcript chunk decompressed to " + n + " bytes, not " + rawLength, null);
    }
    return raw;
  }
}
