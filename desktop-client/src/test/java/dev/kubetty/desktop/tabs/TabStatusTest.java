package dev.kubetty.desktop.tabs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.client.State;
import org.junit.jupiter.api.Test;

class TabStatusTest {
  @Test
  void clientStatesMapToBadgeStates() {
    assertThat(TabStatus.of(State.CONNECTING, "").state()).isEqualTo(TabState.CONNECTING);
    assertThat(TabStatus.of(State.LIVE, "x"))
        .isEqualTo(new TabStatus(TabState.LIVE, "", TabAction.NONE));
    TabStatus reconnecting = TabStatus.of(State.RECONNECTING, "connection reset");
    assertThat(reconnecting.state()).isEqualTo(TabState.RECONNECTING);
    assertThat(reconnecting.message()).contains("reconnecting").contains("connection reset");
    assertThat(reconnecting.state().usable()).isTrue();
  }

  @Test
  void finalClosesOfferTheRightAction() {
    assertThat(TabStatus.afterClose(4409, "", false))
        .extracting(TabStatus::state, TabStatus::action)
        .containsExactly(TabState.BUSY, TabAction.TAKE_OVER);
    assertThat(TabStatus.afterClose(4410, "", false))
        .extracting(TabStatus::state, TabStatus::action)
        .containsExactly(TabState.TAKEN_OVER, TabAction.TAKE_BACK);
    assertThat(TabStatus.afterClose(4401, "", false))
        .extracting(TabStatus::state, TabStatus::action)
        .containsExactly(TabState.LOGIN_REQUIRED, TabAction.LOG_IN);
    assertThat(TabStatus.afterClose(4404, "", false).action()).isEqualTo(TabAction.NONE);
    assertThat(TabStatus.afterClose(1000, "relay stopping", false).message())
        .contains("relay stopping");
    assertThat(TabStatus.afterClose(4409, "", true))
        .isEqualTo(new TabStatus(TabState.CLOSED, "Closed.", TabAction.NONE));
    assertThat(TabStatus.afterClose(4410, "", false).state().usable()).isFalse();
  }
}
