package dev.kubetty.relay.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.client.RelayClient;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.ChaosProxy;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.StreamRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Input written into a connection that then dies reaches the shell after the reconnect, exactly
 * once (PROTOCOL.md section 5.1): the relay says how much of the client's input it took, the client
 * sends the rest again.
 */
class InputResendTest {
  @Test
  void aCommandTypedIntoAVanishedNetworkRunsOnceAfterTheReconnect() throws Exception {
    try (RelayServer relay = RelayFixture.start();
        ChaosProxy network = new ChaosProxy(relay.webSocketUri())) {
      StreamRecorder out = new StreamRecorder();
      RelayClient client = ChaosClient.connectLive(network.webSocketUri(), out);
      client.send(bytes("echo warm-$((1+1))\r"));
      out.awaitText("warm-2", Duration.ofSeconds(10));

      network.freeze();
      client.send(bytes("echo once-$((20+22))\r")); // held by the frozen network, then lost
      Thread.sleep(300);
      network.cutAll();
      network.thaw();
      out.awaitText("once-42", Duration.ofSeconds(10));
      client.send(bytes("echo after-$((1+2))\r"));
      out.awaitText("after-3", Duration.ofSeconds(10));
      client.close();

      String text = new String(out.bytes(), StandardCharsets.UTF_8);
      assertThat(network.accepted()).isEqualTo(2);
      assertThat(text.split("once-42", -1)).as("runs of the command").hasSize(2);
      assertThat(text.split("\\$\\(\\(20\\+22\\)\\)", -1)).as("echoes of the command").hasSize(2);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
