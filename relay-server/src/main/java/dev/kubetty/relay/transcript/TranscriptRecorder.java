package dev.kubetty.relay.transcript;

import dev.kubetty.relay.session.SessionRecorder;

/** Feeds a session's bytes and events to its {@link TranscriptWriter}; never blocks. */
public final class TranscriptRecorder implements SessionRecorder {
  private final TranscriptWriter writer;

  public TranscriptRecorder(TranscriptWriter writer) {
    this.writer = writer;
  }

  @Override
  public void output(long offset, byte[] buffer, int length) {
    writer.recordOutput(offset, buffer, length);
  }

  @Override
  public void input(long inputOffset, byte[] bytes) {
    writer.recordInput(inputOffset, bytes);
  }

  @Override
  public void resize(long outputOffset, int cols, int rows) {
    writer.recordResize(outputOffset, cols, rows);
  }

  @Override
  public void exit(long outputOffset, int code) {
    writer.recordExit(outputOffset, code);
  }
}
