package dev.kubetty.relay.attach;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/** Standard input and output when they are not a terminal (pipes, files): no raw mode, 80×24. */
final class StreamPort implements TerminalPort {
  private final InputStream input = new FileInputStream(FileDescriptor.in);
  private final OutputStream output = new FileOutputStream(FileDescriptor.out);

  @Override
  public boolean raw() {
    return false;
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public Size size() {
    return Size.FALLBACK;
  }

  @Override
  public void onResize(Runnable listener) {
    // A pipe has no window, so there is nothing to watch.
  }

  @Override
  public void close() {
    // Nothing was changed, so there is nothing to restore.
  }
}
