package dev.kubetty.relay.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubetty.relay.store.TestDatabase;
import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** With PostgreSQL stopped the logs answer 503 with our message, not the driver's. */
class LogsStoreDownTest {
  @Test
  void aStoppedDatabaseIs503WithoutDriverText() throws Exception {
    Server server = new Server();
    try (TestDatabase db = TestDatabase.start()) {
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      server.setHandler(LogsHandler.of(db.database().jdbi(), "down"));
      server.start();
      LogsHttp http = new LogsHttp(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
      http.json("/session/logs", 200);
      db.stopServer();

      JsonNode page = http.json("/session/logs", 503);
      assertThat(page.get("error").asText()).isEqualTo("store_unavailable");
      assertThat(page.get("message").asText())
          .isEqualTo("the transcript store is unavailable; try again");
      assertThat(http.get("/session/logs.cast").statusCode()).isEqualTo(503);
    } finally {
      server.stop();
    }
  }
}
