package dev.kubetty.relay.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.relay.store.AttachmentRow;
import dev.kubetty.relay.store.SessionDao;
import dev.kubetty.relay.store.ShellGenerationRow;
import dev.kubetty.relay.store.TestDatabase;
import dev.kubetty.relay.store.TranscriptReader;
import dev.kubetty.relay.testing.RelayFixture;
import dev.kubetty.relay.testing.TestSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay as {@code serve} runs it, with an embedded PostgreSQL in a temporary data dir. */
@Tag("slow")
class RelayRuntimeTest {
  @TempDir Path data;

  @Test
  void restartWithTheSameSessionIdContinuesOffsetsAndReplaysHistory() throws Exception {
    long firstHead;
    try (RelayRuntime first = RelayFixture.startRuntime(data, "ws-1");
        TestSocket client = TestSocket.open(first.server().webSocketUri())) {
      client.hello();
      client.type("echo stored-$((6*7))\r");
      client.readUntil("stored-42");
      assertThat(readyz(first)).contains("\"store\":\"ok\"");
      client.close();
      first.server().close(); // no more output: the head is final
      firstHead = first.server().terminal().head();
      assertThat(first.transcript().awaitStored(Duration.ofSeconds(10))).isTrue();
    }

    try (RelayRuntime second = RelayFixture.startRuntime(data, "ws-1");
        TestSocket client = TestSocket.open(second.server().webSocketUri())) {
      Ready ready = client.hello();
      assertThat(ready.offset()).as("history starts at the stored tail").isZero();
      assertThat(ready.head()).isGreaterThanOrEqualTo(firstHead);
      client.readUntil("stored-42");
      client.type("echo again-$((6*7))\r");
      client.readUntil("again-42");
      client.close();
      second.server().close();
      long head = second.server().terminal().head();
      assertThat(second.transcript().awaitStored(Duration.ofSeconds(10))).isTrue();
      List<AttachmentRow> attachments =
          second.database().jdbi().withExtension(SessionDao.class, dao -> dao.attachments("ws-1"));
      assertThat(attachments).hasSizeGreaterThanOrEqualTo(1);
      AttachmentRow firstAttach = attachments.get(0);
      assertThat(firstAttach.remoteAddress()).startsWith("127.0.0.1:");
      assertThat(firstAttach.closeCode()).isEqualTo(1000);
      assertThat(firstAttach.detachedAt()).isNotNull();
      List<ShellGenerationRow> generations =
          second.database().jdbi().withExtension(SessionDao.class, dao -> dao.generations("ws-1"));
      assertThat(generations).extracting(ShellGenerationRow::generation).containsExactly(1, 2);
      assertThat(generations.get(1).startOffset()).isGreaterThanOrEqualTo(firstHead);
      TranscriptReader reader = new TranscriptReader(second.database().jdbi());
      assertThat(reader.outputEnd("ws-1")).hasValue(head);
      assertThat(new String(reader.outputTail("ws-1", 1 << 20).data()))
          .contains("stored-42")
          .contains("again-42");
    }
  }

  @Test
  void aSecondRelayOfTheSessionTakesOverWhenTheFirstStopsAndContinuesAfterIt(
      @TempDir Path firstData, @TempDir Path secondData) throws Exception {
    try (TestDatabase db = TestDatabase.start()) {
      Map<String, String> shared = Map.of("DATABASE_URL", db.jdbcUrl(), "CNPG_USER", "postgres");
      RelayRuntime first = RelayFixture.startRuntime(firstData, "handover", shared);
      long firstHead;
      CompletableFuture<RelayRuntime> second;
      try (TestSocket client = TestSocket.open(first.server().webSocketUri())) {
        client.hello();
        client.type("echo first-$((6*7))\r");
        client.readUntil("first-42");
        second =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return RelayFixture.startRuntime(secondData, "handover", shared);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        Thread.sleep(1_500);
        assertThat(second).as("waits while the first relay runs").isNotDone();
        // Output the first relay stores while the second waits: the second must continue after it.
        client.type("echo later-$((6*7))\r");
        client.readUntil("later-42");
      }
      first.server().close();
      firstHead = first.server().terminal().head();
      first.close();

      try (RelayRuntime next = second.get(30, TimeUnit.SECONDS)) {
        try (TestSocket client = TestSocket.open(next.server().webSocketUri())) {
          assertThat(client.hello().head()).isGreaterThanOrEqualTo(firstHead);
          client.readUntil("later-42");
        }
      }
    }
  }

  private static String readyz(RelayRuntime runtime) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(runtime.server().httpUri().resolve("/readyz")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
