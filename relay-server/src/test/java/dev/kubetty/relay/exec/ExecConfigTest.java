package dev.kubetty.relay.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubetty.relay.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecConfigTest {
  @Test
  void offWhenNothingIsSet() {
    ExecConfig config = ExecConfig.fromEnvironment(Map.of());

    assertThat(config.enabled()).isFalse();
    assertThat(config.allows("default", "web-0")).isFalse();
  }

  @Test
  void theAllowListTakesGlobsPerPart() {
    ExecConfig config =
        ExecConfig.fromEnvironment(Map.of("KUBETTY_EXEC_ALLOW", "team-a/*, */web-?,dev/api-0"));

    assertThat(config.enabled()).isTrue();
    assertThat(config.allows("team-a", "anything")).isTrue();
    assertThat(config.allows("prod", "web-1")).isTrue();
    assertThat(config.allows("prod", "web-10")).isFalse();
    assertThat(config.allows("dev", "api-0")).isTrue();
    assertThat(config.allows("dev", "api-01")).isFalse();
    assertThat(config.allows("team-ab", "x")).isFalse();
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> ExecConfig.fromEnvironment(Map.of("KUBETTY_EXEC_ALLOW", "just-a-pod")))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.variable()).isEqualTo("KUBETTY_EXEC_ALLOW"));
    assertThatThrownBy(() -> ExecConfig.fromEnvironment(Map.of("KUBETTY_EXEC_ALLOW", "a/(b)")))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> ExecConfig.fromEnvironment(Map.of("KUBETTY_EXEC_KUBECONFIG", "maybe")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.variable()).isEqualTo("KUBETTY_EXEC_KUBECONFIG"));
  }

  @Test
  void callerKubeconfigsAloneEnableTheGateway() {
    ExecConfig config = ExecConfig.fromEnvironment(Map.of("KUBETTY_EXEC_KUBECONFIG", "on"));

    assertThat(config.enabled()).isTrue();
    assertThat(config.callerKubeconfig()).isTrue();
    assertThat(config.allow()).isEmpty();
  }
}
