package dev.kubetty.relay.ws;

import java.nio.charset.StandardCharsets;

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
final class CloseReasons {
  private static final int MAX_BYTES = 123;

  private CloseReasons() {}

  static String fit(String reason) {
    if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return reason;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < reason.length(); ) {
      int cp = reason.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_BYTES) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
