package dev.kubetty.relay.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OutputRingTest {
  @Test
  void keepsTheNewestBytesAtTheirAbsoluteOffsets() {
    OutputRing ring = new OutputRing(8, 100);
    ring.append(bytes("abcdef"), 6);
    assertThat(ring.start()).isEqualTo(100);
    assertThat(ring.end()).isEqualTo(106);
    ring.append(bytes("ghijk"), 5);
    assertThat(ring.start()).isEqualTo(103);
    assertThat(ring.end()).isEqualTo(111);
    assertThat(new String(ring.copy(103, 8))).isEqualTo("defghijk");
    assertThat(new String(ring.copy(108, 2))).isEqualTo("ij");
  }

  @Test
  void anAppendLargerThanTheRingKeepsItsTail() {
    OutputRing ring = new OutputRing(4, 0);
    ring.append(bytes("0123456789"), 10);
    assertThat(ring.start()).isEqualTo(6);
    assertThat(ring.end()).isEqualTo(10);
    assertThat(new String(ring.copy(6, 4))).isEqualTo("6789");
  }

  @Test
  void refusesRangesItNoLongerHolds() {
    OutputRing ring = new OutputRing(4, 0);
    ring.append(bytes("012345"), 6);
    assertThatThrownBy(() -> ring.copy(1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ring.copy(4, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchesAPlainStreamUnderRandomAppends() {
    Random random = new Random(42);
    OutputRing ring = new OutputRing(1000, 0);
    byte[] stream = new byte[100_000];
    random.nextBytes(stream);
    int written = 0;
    while (written < stream.length) {
      int n = Math.min(random.nextInt(2500) + 1, stream.length - written);
      byte[] chunk = java.util.Arrays.copyOfRange(stream, written, written + n);
      ring.append(chunk, n);
      written += n;
      long from = ring.start() + random.nextInt((int) (ring.end() - ring.start()));
      int len = (int) (ring.end() - from);
      assertThat(ring.copy(from, len))
          .isEqualTo(java.util.Arrays.copyOfRange(stream, (int) from, (int) from + len));
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
