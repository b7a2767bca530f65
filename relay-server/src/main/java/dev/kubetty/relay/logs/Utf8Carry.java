package dev.kubetty.relay.logs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream that arrives in arbitrary pieces as UTF-8. A piece may end inside a
 * multi-byte sequence: those (at most 3) bytes are carried over and decoded with the next piece, so
 * valid UTF-8 decodes to exactly the text it encodes however it was cut. Invalid bytes become
 * U+FFFD. Not thread-safe: one per stream.
 */
final class Utf8Carry {
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private byte[] carried = new byte[0];

  /** The text completed by {@code piece}; the bytes of an unfinished character are kept. */
  String decode(byte[] piece) {
    ByteBuffer in = ByteBuffer.allocate(carried.length + piece.length);
    in.put(carried).put(piece).flip();
    CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
    decoder.decode(in, out, false);
    carried = new byte[in.remaining()];
    in.get(carried);
    return out.flip().toString();
  }

  /** Whatever is still carried, as U+FFFD (the stream ended inside a character); then resets. */
  String finish() {
    CharBuffer out = CharBuffer.allocate(carried.length + 1);
    decoder.decode(ByteBuffer.wrap(carried), out, true);
    decoder.flush(out);
    decoder.reset();
    carried = new byte[0];
    return out.flip().toString();
  }
}
