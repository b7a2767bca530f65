package dev.kubetty.relay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the relay's side of one WebSocket connection as it passes a {@link ChaosProxy} (the HTTP
 * response head, then frames) and records each frame's header: what OkHttp and browsers hide, such
 * as whether a message went out compressed (RSV1).
 */
public final class WebSocketFrameLog implements ChaosProxy.Tap {
  /** Opcode of a binary data frame. */
  public static final int BINARY = 2;

  /** One frame as sent: its opcode, RSV1 bit (compressed message) and payload length. */
  public record Frame(int opcode, boolean rsv1, long length) {}

  private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

  private final List<Frame> frames = new ArrayList<>();
  private final byte[] header = new byte[14];
  private int headerLength;
  private int headEndMatched;
  private boolean inFrames;
  private long payloadLeft;

  @Override
  public synchronized void accept(byte[] bytes, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      if (!inFrames) {
        byte b = bytes[i++];
        headEndMatched = b == HEAD_END[headEndMatched] ? headEndMatched + 1 : (b == '\r' ? 1 : 0);
        inFrames = headEndMatched == HEAD_END.length;
      } else if (payloadLeft > 0) {
        int skip = (int) Math.min(payloadLeft, end - i);
        i += skip;
        payloadLeft -= skip;
      } else {
        header[headerLength++] = bytes[i++];
        if (headerLength >= 2 && headerLength == headerSize()) {
          payloadLeft = payloadLength();
          frames.add(new Frame(header[0] & 0x0f, (header[0] & 0x40) != 0, payloadLeft));
          headerLength = 0;
        }
      }
    }
  }

  /** The first frames of binary messages (continuations not counted), in order. */
  public synchronized List<Frame> binaryMessages() {
    return frames.stream().filter(f -> f.opcode() == BINARY).toList();
  }

  /**
   * Asserts that {@code messages} turn compressed at some point and stay so: from the first
   * compressed one on, at least 20 messages and at least 95 % of them compressed (a compressing
   * relay may send the odd one raw when the client briefly catches up). Returns the index of the
   * first compressed message.
   */
  public static int assertCompressedFromFirst(List<Frame> messages) {
    int first = messages.indexOf(messages.stream().filter(Frame::rsv1).findFirst().orElseThrow());
    List<Frame> tail = messages.subList(first, messages.size());
    assertThat(tail).hasSizeGreaterThan(20);
    assertThat(tail.stream().filter(Frame::rsv1).count())
        .as("compressed of %d messages after the first compressed one", tail.size())
        .isGreaterThanOrEqualTo(tail.size() * 95L / 100);
    return first;
  }

  private int headerSize() {
    int length7 = header[1] & 0x7f;
    int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
    int mask = (header[1] & 0x80) != 0 ? 4 : 0;
    return 2 + extended + mask;
  }

  private long payloadLength() {
    int length7 = header[1] & 0x7f;
    if (length7 < 126) {
      return length7;
    }
    int bytes = length7 == 126 ? 2 : 8;
    long length = 0;
    for (int k = 0; k < bytes; k++) {
      length = (length << 8) | (header[2 + k] & 0xff);
    }
    return length;
  }
}
