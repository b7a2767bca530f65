package dev.kubetty.relay.logs;

import java.nio.charset.StandardCharsets;

/**
 * The search text as {@code TranscriptDao.chunkPage} matches it. Stored chunks are arbitrary bytes
 * (a chunk may end inside a UTF-8 sequence, a program may print invalid UTF-8), so the database
 * never decodes them: it compares {@code lower(encode(data, 'escape'))}, which is plain ASCII, with
 * the search text's UTF-8 bytes encoded the same way here. Bytes are therefore matched exactly and
 * only the letters A-Z case-insensitively ("é" does not find "É").
 *
 * <pre>
 *   encode(…, 'escape'):  0x00 and 0x80-0xFF → \ooo (octal),  '\' → \\,  everything else as is
 * </pre>
 *
 * @param escaped the encoded, lowercased text; empty when there is no search
 * @param overlap how many bytes of the previous chunk a match may start in (UTF-8 length - 1)
 */
record SearchNeedle(String escaped, int overlap) {
  static final SearchNeedle NONE = new SearchNeedle("", 0);

  static SearchNeedle of(String text) {
    if (text.isEmpty()) {
      return NONE;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      int unsigned = b & 0xff;
      if (unsigned == 0 || unsigned >= 0x80) {
        out.append('\\').append(String.format("%03o", unsigned));
      } else if (unsigned == '\\') {
        out.append("\\\\");
      } else if (unsigned >= 'A' && unsigned <= 'Z') {
        out.append((char) (unsigned + ('a' - 'A')));
      } else {
        out.append((char) unsigned);
      }
    }
    return new SearchNeedle(out.toString(), bytes.length - 1);
  }
}
