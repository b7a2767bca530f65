package dev.kubetty.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The login API is called under the path the relay is served at (a proxy's prefix), if any. */
class AuthClientPathTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @CsvSource({
    "http://{authority}, /api/auth/me",
    "http://{authority}/, /api/auth/me",
    "ws://{authority}/ws, /api/auth/me",
    "http://{authority}/team/kubetty, /team/kubetty/api/auth/me",
    "http://{authority}/team/kubetty/, /team/kubetty/api/auth/me",
    "ws://{authority}/team/kubetty/ws, /team/kubetty/api/auth/me",
    "ws://{authority}/team/kubetty/ws?ticket=x, /team/kubetty/api/auth/me"
  })
  void callsTheApiUnderTheRelaysPath(String relay, String expectedPath) throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"authMode\":\"local\"}").build());
    String authority = "127.0.0.1:" + server.getPort();
    AuthClient client =
        new AuthClient(URI.create(relay.replace("{authority}", authority)), new OkHttpClient());

    assertThat(client.loginRequired()).isTrue();
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath())
        .isEqualTo(expectedPath);
  }
}
