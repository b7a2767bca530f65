package dev.kubetty.desktop.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TtyConnector} fed with output chunks by someone else (the relay client) and handing
 * keyboard bytes and size changes to a {@link Sink}.
 *
 * <p><b>Threads.</b> {@link #offer} is called by the producer (OkHttp's reader thread) and blocks
 * while {@value #QUEUED_CHUNKS} chunks wait, so a slow emulator slows the relay down instead of
 * filling memory. {@link #read} runs on JediTerm's emulator thread. UTF-8 sequences split across
 * chunks are decoded correctly; malformed bytes become U+FFFD.
 */
public final class StreamTtyConnector implements TtyConnector {
  /** Chunks (each at most 1 MiB, usually a few KiB) queued before {@link #offer} blocks. */
  public static final int QUEUED_CHUNKS = 64;

  private static final byte[] END = new byte[0];
  private static final byte ESC = 0x1b;

  /** Where keyboard input and size changes go. */
  public interface Sink {
    /** Keyboard bytes; the array is the sink's to keep. */
    void input(byte[] bytes);

    /** The terminal now has this many columns and rows. */
    void resize(int cols, int rows);
  }

  private final String name;
  private final Sink sink;
  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicLong replayLeft = new AtomicLong();
  private volatile boolean replaying;
  private ByteBuffer pending = ByteBuffer.allocate(0);
  private boolean ended;

  /** A connector named {@code name} (shown nowhere but logs) writing to {@code sink}. */
  public StreamTtyConnector(String name, Sink sink) {
    this.name = name;
    this.sink = sink;
  }

  /**
   * Queues output for the emulator, waiting while the queue is full. Returns false, dropping the
   * bytes, once {@link #close()} was called.
   */
  public boolean offer(byte[] data) {
    try {
      while (closed.getCount() > 0) {
        if (chunks.offer(data, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /**
   * The next {@code bytes} of output are history the relay replays. Until the emulator has taken
   * them in, what it sends back starting with ESC — its answers to the queries in that history
   * (cursor position, colours, device attributes) — is dropped instead of reaching the shell as
   * junk. Plain typing still goes through.
   */
  public void replayFollows(long bytes) {
    replayLeft.addAndGet(bytes);
    replaying = true;
  }

  /** Queues a message for people, such as a gap marker, as terminal output. */
  public boolean offerText(String text) {
    return offer(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int read(char[] buf, int offset, int length) throws IOException {
    if (replaying && replayLeft.get() == 0 && !pending.hasRemaining()) {
      replaying = false; // the emulator asks for more: it has processed all the history
    }
    CharBuffer out = CharBuffer.wrap(buf, offset, length);
    while (out.position() == offset) {
      if (!pending.hasRemaining() || decodeInto(out) == 0) {
        if (ended) {
          return -1;
        }
        if (!takeChunk()) {
          return out.position() > offset ? out.position() - offset : -1;
        }
      }
    }
    return out.position() - offset;
  }

  private int decodeInto(CharBuffer out) {
    int before = out.position();
    decoder.decode(pending, out, false);
    return out.position() - before;
  }

  private boolean takeChunk() throws IOException {
    try {
      byte[] next = null;
      while (next == null) {
        next = chunks.poll(100, TimeUnit.MILLISECONDS);
        if (next == null && closed.getCount() == 0) {
          next = END;
        }
      }
      if (next == END) {
        ended = true;
        return false;
      }
      int taken = next.length;
      replayLeft.updateAndGet(left -> Math.max(0, left - taken));
      ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + next.length);
      joined.put(pending).put(next).flip();
      pending = joined;
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void write(byte[] bytes) {
    if (replaying && bytes.length > 0 && bytes[0] == ESC) {
      return; // an answer to a query in replayed history
    }
    if (closed.getCount() > 0) {
      sink.input(bytes.clone());
    }
  }

  @Override
  public void write(String string) {
    write(string.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void resize(TermSize size) {
    sink.resize(size.getColumns(), size.getRows());
  }

  @Override
  public boolean isConnected() {
    return closed.getCount() > 0;
  }

  @Override
  public int waitFor() throws InterruptedException {
    closed.await();
    return 0;
  }

  @Override
  public boolean ready() {
    return pending.hasRemaining() || !chunks.isEmpty();
  }

  @Override
  public String getName() {
    return name;
  }

  /**
   * Ends the stream: the emulator reads what is queued, then end of input. Later {@link #offer}s
   * are dropped. Idempotent.
   */
  @Override
  public void close() {
    closed.countDown();
  }
}
