package dev.kubetty.relay.attach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.RelayFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code kubetty-relay attach} as a user runs it: a child JVM on a real PTY, a real relay. */
@Tag("slow")
class AttachEndToEndTest {
  private RelayServer relay;

  @BeforeEach
  void startRelay() throws IOException {
    relay = RelayFixture.start();
  }

  @AfterEach
  void stopRelay() {
    relay.close();
  }

  @Test
  void typesIntoTheShellForwardsResizeAndDetachesRestoringTheTerminal() throws Exception {
    try (AttachProcess attach = AttachProcess.start(relay.webSocketUri().toString())) {
      attach.awaitPrompt();
      attach.type("echo kubetty-$((6*7))\r");
      attach.awaitOutput("kubetty-42");

      attach.resize(132, 43);
      awaitSttySize(attach, "43 132");

      attach.type("\r~.");
      assertThat(attach.awaitExit()).isZero();
      assertThat(attach.output()).contains("[kubetty] detached");
      assertThat(attach.sttyAfterExit()).contains("icanon", "echo", "isig", "icrnl", "opost");
    }
  }

  @Test
  void secondClientIsBusyThenTakesOver() throws Exception {
    try (AttachProcess first = AttachProcess.start(relay.webSocketUri().toString())) {
      first.awaitPrompt();

      Piped busy = Piped.run("", relay.webSocketUri().toString());
      assertThat(busy.exitCode()).as(busy.stderr()).isEqualTo(1);
      assertThat(busy.stderr())
          .contains("session busy: another client is attached (use --takeover to replace it)");

      Piped takeover =
          Piped.run("echo taken-$((6*7))\n", "--takeover", relay.webSocketUri().toString());
      assertThat(takeover.exitCode()).as(takeover.stderr()).isZero();
      assertThat(takeover.stdout()).as(takeover.stderr()).contains("taken-42");

      assertThat(first.awaitExit()).isEqualTo(1);
      assertThat(first.output()).contains("[kubetty] taken over by another client");
      assertThat(first.sttyAfterExit()).contains("icanon", "echo");
    }
  }

  @Test
  void sigtermRestoresTheTerminal() throws Exception {
    try (AttachProcess attach = AttachProcess.start(relay.webSocketUri().toString())) {
      attach.awaitPrompt();
      attach.terminateAttach();
      assertThat(attach.awaitExit()).isEqualTo(143);
      assertThat(attach.sttyAfterExit()).contains("icanon", "echo", "isig", "icrnl", "opost");
    }
  }

  private static void awaitSttySize(AttachProcess attach, String size) throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      attach.type("stty size\r");
      if (attach.sawWithin(size, Duration.ofMillis(250))) {
        return;
      }
    }
    assertThat(attach.output()).contains(size);
  }

  /** attach with standard input and output as pipes (no terminal). */
  private record Piped(int exitCode, String stdout, String stderr) {
    static Piped run(String input, String... args) throws Exception {
      ProcessBuilder builder = new ProcessBuilder(AttachProcess.javaCommand(args));
      Process process = builder.start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      var stdout = process.getInputStream().readAllBytes();
      var stderr = process.getErrorStream().readAllBytes();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      return new Piped(
          process.exitValue(),
          new String(stdout, StandardCharsets.UTF_8),
          new String(stderr, StandardCharsets.UTF_8));
    }
  }
}
