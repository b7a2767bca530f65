package dev.kubetty.relay.transcript;

import dev.kubetty.relay.session.Attachment;
import dev.kubetty.relay.session.SessionRecorder;
import org.jdbi.v3.core.Jdbi;

/**
 * Feeds a session's bytes and events to its {@link TranscriptWriter}, and its attach history and
 * shell generations to the {@code attachments} and {@code shell_generations} tables; never blocks.
 */
public final class TranscriptRecorder implements SessionRecorder, AutoCloseable {
  private final TranscriptWriter writer;
  private final SessionLedger ledger;

  /** Records session {@code sessionId} through {@code writer} and into {@code jdbi}'s database. */
  public TranscriptRecorder(TranscriptWriter writer, Jdbi jdbi, String sessionId) {
    this.writer = writer;
    this.ledger = new SessionLedger(jdbi, sessionId);
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
    ledger.shellExited(outputOffset, code);
  }

  @Override
  public void shellStarted(long outputOffset) {
    ledger.shellStarted(outputOffset);
  }

  @Override
  public void attached(Attachment attachment) {
    ledger.attached(attachment);
  }

  @Override
  public void detached(Attachment attachment, int code, String reason) {
    ledger.detached(attachment, code, reason);
  }

  /** Writes the queued attach and shell rows (the writer is closed by its owner). */
  @Override
  public void close() {
    ledger.close();
  }
}
