package dev.kubetty.relay.transcript;

import dev.kubetty.relay.store.TranscriptRow;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of transcript rows waiting for the database, in {@link SpoolCodec} format.
 * Rows are read back in the order they were appended; {@link #commit} marks a batch as stored, and
 * once everything is stored the file is deleted. A torn or corrupt tail (a crash mid-append) is cut
 * off when the file is opened, with a warning. Used by the writer thread only: not thread-safe.
 */
final class Spool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Spool.class);

  /** Rows read from the spool and the file position just past them. */
  record Batch(List<TranscriptRow> rows, long end) {}

  private final Path file;
  private FileChannel channel;
  private long readPosition;
  private long lastForceNanos = System.nanoTime() - FORCE_EVERY_NANOS;
  static final long FORCE_EVERY_NANOS = 250_000_000L;

  Spool(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      open();
      cutCorruptTail();
    }
  }

  /** Bytes appended and not yet committed. */
  long pendingBytes() {
    try {
      return channel == null ? 0 : channel.size() - readPosition;
    } catch (IOException e) {
      return 0; // a closed channel has nothing pending that we can still read
    }
  }

  /**
   * Appends rows; forces the file to disk at most every {@link #FORCE_EVERY_NANOS} (250 ms) and on
   * close. A crash can thus lose the last quarter second of spooled rows — no more than the
   * in-memory queue the spool stands in for — while a flood spooled during an outage no longer pays
   * an fsync per batch.
   */
  void append(List<? extends TranscriptRow> rows) throws IOException {
    if (channel == null) {
      open();
    }
    ByteBuffer[] records = rows.stream().map(SpoolCodec::encode).toArray(ByteBuffer[]::new);
    channel.position(channel.size());
    for (ByteBuffer record : records) {
      while (record.hasRemaining()) {
        channel.write(record);
      }
    }
    long now = System.nanoTime();
    if (now - lastForceNanos >= FORCE_EVERY_NANOS) {
      channel.force(false);
      lastForceNanos = now;
    }
  }

  /** Reads rows from the oldest uncommitted one, up to about {@code maxBytes} of records. */
  Batch read(int maxBytes) throws IOException {
    List<TranscriptRow> rows = new ArrayList<>();
    long position = readPosition;
    long size = channel == null ? 0 : channel.size();
    while (position < size && position - readPosition < maxBytes) {
      ByteBuffer payload = readRecord(position, size);
      rows.add(SpoolCodec.decode(payload));
      position += SpoolCodec.HEADER + payload.capacity();
    }
    return new Batch(rows, position);
  }

  /** Marks rows up to {@code end} as stored; deletes the file when nothing is left. */
  void commit(long end) throws IOException {
    if (channel == null) {
      return; // nothing was spooled
    }
    readPosition = end;
    if (readPosition >= channel.size()) {
      close();
      Files.deleteIfExists(file);
      readPosition = 0;
    }
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      if (channel.isOpen()) {
        channel.force(false);
      }
      channel.close();
      channel = null;
    }
  }

  private void open() throws IOException {
    Files.createDirectories(file.getParent());
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** The payload at {@code position}, or null if the record is torn or fails its CRC. */
  private ByteBuffer readRecordOrNull(long position, long size) throws IOException {
    if (size - position < SpoolCodec.HEADER) {
      return null;
    }
    ByteBuffer header = ByteBuffer.allocate(SpoolCodec.HEADER);
    readFully(header, position);
    int length = header.getInt(0);
    if (length < 0 || length > SpoolCodec.MAX_PAYLOAD || length > size - position - 8) {
      return null;
    }
    ByteBuffer payload = ByteBuffer.allocate(length);
    readFully(payload, position + SpoolCodec.HEADER);
    return SpoolCodec.crc(payload) == header.getInt(4) ? payload : null;
  }

  private ByteBuffer readRecord(long position, long size) throws IOException {
    ByteBuffer payload = readRecordOrNull(position, size);
    if (payload == null) {
      throw new IOException("corrupt spool record at " + position + " in " + file);
    }
    return payload;
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("unexpected end of " + file);
      }
    }
    buffer.flip();
  }

  private void cutCorruptTail() throws IOException {
    long size = channel.size();
    long position = 0;
    ByteBuffer payload;
    while ((payload = readRecordOrNull(position, size)) != null) {
      position += SpoolCodec.HEADER + payload.capacity();
    }
    if (position < size) {
      log.warn(
          "spool {}: cut {} bytes of torn or corrupt tail at {}", file, size - position, position);
      channel.truncate(position);
    }
  }
}
