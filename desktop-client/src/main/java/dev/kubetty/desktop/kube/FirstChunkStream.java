package dev.kubetty.desktop.kube;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An exec's output stream whose first read is started at once in the background, so the launcher
 * can look at the first bytes (a prompt, or a runtime's "executable file not found") without taking
 * them away from the reader: they are the first bytes {@link #read} returns.
 */
final class FirstChunkStream extends InputStream {
  private final InputStream in;
  private final CompletableFuture<byte[]> first = new CompletableFuture<>();
  private byte[] head;
  private int headPosition;

  FirstChunkStream(InputStream in) {
    this.in = in;
    Thread.ofVirtual().name("exec-first-read").start(this::readFirst);
  }

  private void readFirst() {
    byte[] buffer = new byte[8192];
    try {
      int n = in.read(buffer);
      first.complete(n < 0 ? null : Arrays.copyOf(buffer, n));
    } catch (IOException e) {
      first.completeExceptionally(e);
    }
  }

  /**
   * The first bytes, waiting up to {@code millis}; {@code null} at end of stream.
   *
   * @throws TimeoutException if nothing arrived in time (the shell may simply be quiet)
   */
  byte[] peek(long millis) throws TimeoutException, InterruptedException {
    try {
      return first.get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return null;
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (head == null) {
      try {
        head = first.join();
      } catch (RuntimeException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new UncheckedIOException(new IOException(e));
      }
      if (head == null) {
        head = new byte[0];
        return -1;
      }
    }
    if (headPosition < head.length) {
      int n = Math.min(len, head.length - headPosition);
      System.arraycopy(head, headPosition, b, off, n);
      headPosition += n;
      return n;
    }
    return in.read(b, off, len);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
