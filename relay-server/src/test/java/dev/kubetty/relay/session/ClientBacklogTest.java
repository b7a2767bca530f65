package dev.kubetty.relay.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientBacklogTest {
  private static final long WINDOW = 1 << 20;

  @Test
  void becomesBackloggedAtThreeQuartersOfTheWindow() {
    assertThat(ClientBacklog.next(false, 0, WINDOW)).isFalse();
    assertThat(ClientBacklog.next(false, WINDOW / 2 + 64 * 1024, WINDOW))
        .as("a client acking every half window, one frame in transit")
        .isFalse();
    assertThat(ClientBacklog.next(false, WINDOW * 3 / 4 - 1, WINDOW)).isFalse();
    assertThat(ClientBacklog.next(false, WINDOW * 3 / 4, WINDOW)).isTrue();
    assertThat(ClientBacklog.next(false, WINDOW, WINDOW)).isTrue();
  }

  @Test
  void staysBackloggedUntilBelowAQuarter() {
    assertThat(ClientBacklog.next(true, WINDOW * 3 / 4 - 1, WINDOW))
        .as("just after an ack freed a quarter")
        .isTrue();
    assertThat(ClientBacklog.next(true, WINDOW / 4, WINDOW)).isTrue();
    assertThat(ClientBacklog.next(true, WINDOW / 4 - 1, WINDOW)).isFalse();
    assertThat(ClientBacklog.next(true, 0, WINDOW)).isFalse();
  }
}
