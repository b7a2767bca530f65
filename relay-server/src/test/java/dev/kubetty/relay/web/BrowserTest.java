package dev.kubetty.relay.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubetty.relay.auth.PasswordHasher;
import dev.kubetty.relay.auth.UserAdmin;
import dev.kubetty.relay.server.RelayRuntime;
import dev.kubetty.relay.server.RelayServer;
import dev.kubetty.relay.testing.ChaosProxy;
import dev.kubetty.relay.testing.RelayFixture;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser page in a real Chromium against a real relay (PTY, WebSocket, embedded PostgreSQL),
 * one browser for the class. Each scenario lives in {@code src/test/web/scenarios.mjs}, reads the
 * screen through xterm.js's buffer API and returns what it saw; the assertions are here.
 * Screenshots go to {@code target/browser-artifacts}.
 */
@Tag("browser")
class BrowserTest {
  private static final String SECRET =
      Base64.getEncoder()
          .encodeToString("browser tests' own JWT secret, 32+ bytes".getBytes(UTF_8));
  private static final String USER = "alice";
  private static final String PASSWORD = "browser test password";

  @TempDir static Path data;
  private static UserAdmin users;
  private static RelayRuntime relay;
  private static ChaosProxy proxy;
  private static RelayServer smallRelay;
  private static ChaosProxy smallProxy;
  private static BrowserSuite browser;
  private static URI page;

  @BeforeAll
  static void start() throws IOException {
    relay =
        RelayFixture.startRuntime(
            data,
            "browser",
            // Cookies stay Secure (the default): Chromium keeps them on http://127.0.0.1.
            Map.of("AUTH_MODE", "local", "AUTH_JWT_SECRET", SECRET));
    users = new UserAdmin(relay.database().jdbi(), new PasswordHasher());
    users.create(USER, PASSWORD);
    users.create("bob", PASSWORD);
    page = relay.server().httpUri().resolve("/");
    proxy = new ChaosProxy(relay.server().webSocketUri());
    smallRelay =
        RelayFixture.start(
            Map.of(
                "KUBETTY_BUFFER_BYTES", "1MiB",
                "KUBETTY_WINDOW_BYTES", "256k",
                "KUBETTY_RESUME_GRACE", "200ms"));
    smallProxy = new ChaosProxy(smallRelay.webSocketUri());
    browser = BrowserSuite.start(USER, PASSWORD);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (relay != null) {
      relay.close();
    }
    if (smallProxy != null) {
      smallProxy.close();
    }
    if (smallRelay != null) {
      smallRelay.close();
    }
  }

  @Test
  void aTypedCommandRunsAndItsOutputIsOnTheScreen() throws IOException {
    JsonNode seen = browser.run("command", page);

    assertThat(texts(seen.get("lines"))).contains("browser-42");
    assertThat(texts(seen.get("lines")))
        .anySatisfy(line -> assertThat(line).endsWith("echo \"browser-$((6*7))\""));
    assertThat(seen.get("status").asText()).isEqualTo("live");
  }

  @Test
  void theLoginFormSignsInRejectsAWrongPasswordAndLogOutSignsOut() throws IOException {
    JsonNode seen = browser.run("login", page);

    assertThat(seen.get("before").get("state").asText()).isEqualTo("signed-out");
    assertThat(seen.get("before").get("logs").asInt()).isEqualTo(401);
    assertThat(seen.get("wrong").asText()).isEqualTo("Wrong username or password.");
    assertThat(seen.get("user").asText()).isEqualTo(USER);
    assertThat(seen.get("logsWhileIn").asInt()).isEqualTo(200);
    assertThat(seen.get("logsAfter").asInt()).isEqualTo(401);
    assertThat(seen.get("cleared").asBoolean()).isTrue();
  }

  @Test
  void aCommandTypedIntoAVanishedNetworkRunsOnceAfterTheReconnect() throws IOException {
    JsonNode seen =
        browser.run(
            "swallowed",
            throughProxy(),
            Map.of(
                "freeze",
                proxy::freeze,
                "cut",
                () -> {
                  proxy.cutAll();
                  proxy.thaw();
                }));

    assertThat(seen.get("runs").asInt()).isEqualTo(1);
    assertThat(seen.get("resent").asInt()).isEqualTo("echo swallowed-$((40+2))\r".length());
    assertThat(seen.get("lost").asInt()).isZero();
  }

  @Test
  void aReconnectWithARejectedAccessTokenRefreshesAndResumes() throws IOException {
    JsonNode seen = browser.run("refresh", throughProxy(), Map.of("cut", proxy::cutAll));

    assertThat(seen.get("reconnects").asInt()).isPositive();
    assertThat(seen.get("accessCookieBack").asBoolean()).isTrue();
    assertThat(seen.get("lost").asLong()).isZero();
    assertThat(seen.get("status").asText()).isEqualTo("live");
  }

  @Test
  void aRevokedLoginEndsTheSessionAndShowsTheLoginForm() throws IOException {
    JsonNode seen =
        browser.run("revoked", page, Map.of("revoke", () -> users.setActive("bob", false)));

    assertThat(seen.get("state").asText()).isEqualTo("signed-out");
    assertThat(seen.get("error").asText()).contains("Sign in again");
  }

  @Test
  void theWindowTitleFollowsTheShell() throws IOException {
    JsonNode seen = browser.run("title", page);

    assertThat(seen.get("title").asText()).isEqualTo("build-7-title · KubeTTY");
  }

  @Test
  void coloursReachTheCellsAndTheScreenAndUrlsAreLinks() throws IOException {
    JsonNode seen = browser.run("colours", page);

    JsonNode red = seen.get("red");
    assertThat(red.get("chars").asText()).isEqualTo("R");
    assertThat(red.get("palette").asBoolean()).isTrue();
    assertThat(red.get("colour").asInt()).isEqualTo(1);
    JsonNode orange = seen.get("orange");
    assertThat(orange.get("rgb").asBoolean()).isTrue();
    assertThat(orange.get("colour").asInt()).isEqualTo(0xFF8000);
    assertThat(seen.get("bold").get("bold").asBoolean()).isTrue();
    // The theme's red (#ef6b73), as the browser actually painted it.
    assertThat(seen.get("renderedRed").asText()).isEqualTo("rgb(239, 107, 115)");
    assertThat(BrowserSuite.ARTIFACTS.resolve("terminal.png")).isNotEmptyFile();
    JsonNode link = seen.get("link");
    assertThat(link.get("pointer").asBoolean()).as("pointer over a URL").isTrue();
    assertThat(texts(link.get("opened"))).containsExactly("https://kubetty.dev/docs");
  }

  @Test
  void selectingCopiesToTheClipboardAndAPasteReachesTheShell() throws IOException {
    JsonNode seen = browser.run("clipboard", page);

    // The scenario also waited for the pasted command's output (pasted-81) on the screen.
    assertThat(seen.get("copied").asText()).isEqualTo("copy-me-99");
  }

  @Test
  void vimOpensOnTheAlternateScreenEditsAndQuits() throws IOException {
    JsonNode seen = browser.run("vim", page);

    assertThat(seen.get("inVim").asText()).isEqualTo("alternate");
    assertThat(seen.get("after").asText()).isEqualTo("normal");
  }

  @Test
  void resizingTheViewportResizesTheShellsTerminal() throws IOException {
    JsonNode seen = browser.run("resize", page);

    JsonNode before = seen.get("before");
    JsonNode after = seen.get("after");
    assertThat(before.get("stty").asText())
        .isEqualTo(before.get("rows").asInt() + " " + before.get("cols").asInt());
    assertThat(after.get("stty").asText())
        .isEqualTo(after.get("rows").asInt() + " " + after.get("cols").asInt());
    assertThat(after.get("cols").asInt()).isGreaterThan(before.get("cols").asInt());
    assertThat(after.get("rows").asInt()).isGreaterThan(before.get("rows").asInt());
  }

  @Test
  void aConnectionCutMidFloodResumesWithoutLosingOrRepeatingAByte() throws IOException {
    JsonNode seen = browser.run("flood", throughProxy(), Map.of("cut", proxy::cutAll));

    List<String> tail = texts(seen.get("tail"));
    assertThat(tail.getLast()).isEqualTo("flood-done-2");
    List<String> numbers = tail.subList(tail.size() - 4001, tail.size() - 1);
    List<String> expected = new ArrayList<>();
    for (int n = 200000 - 3999; n <= 200000; n++) {
      expected.add(Integer.toString(n));
    }
    assertThat(numbers).isEqualTo(expected);
    assertThat(seen.get("reconnects").asInt()).isPositive();
    assertThat(proxy.accepted()).isGreaterThanOrEqualTo(3); // page, first socket, resumed socket
    assertThat(seen.get("lost").asLong()).isZero();
    assertThat(seen.get("gapMarks").asInt()).isZero();
  }

  @Test
  void outputTheRelayNoLongerHeldIsMarkedAsLostAndTheStreamGoesOn() throws IOException {
    URI page = URI.create("http://127.0.0.1:" + smallProxy.webSocketUri().getPort() + "/");
    Runnable offline =
        () -> {
          smallProxy.refuse(true);
          smallProxy.cutAll();
        };

    JsonNode seen =
        browser.run(
            "gap", page, Map.of("offline", offline, "online", () -> smallProxy.refuse(false)));

    long lost = seen.get("lost").asLong();
    // The flood is 16,000 lines of 121 bytes (1,936,000 bytes); the relay keeps 1 MiB of them.
    assertThat(lost).isBetween(500_000L, 1_936_000L);
    String bytes = String.format(java.util.Locale.ROOT, "%,d", lost);
    assertThat(texts(seen.get("marks")))
        .containsExactly("[kubetty: " + bytes + " bytes of output lost while disconnected]");
    assertThat(seen.get("status").asText()).isEqualTo(bytes + " bytes lost");
    List<String> tail = texts(seen.get("tail"));
    assertThat(tail.getLast()).isEqualTo("gap-done-10");
    List<String> expected = new ArrayList<>();
    for (int n = 16000 - 999; n <= 16000; n++) {
      expected.add(String.format(java.util.Locale.ROOT, "%0120d", n));
    }
    assertThat(tail.subList(0, 1000)).isEqualTo(expected);
  }

  @Test
  void aShellExitIsShownAndANewShellAnswers() throws IOException {
    JsonNode seen = browser.run("exit", page);

    assertThat(seen.get("mark").asText()).contains("[kubetty: shell exited with code 3");
    assertThat(seen.get("status").asText()).isEqualTo("live");
  }

  @Test
  void aSecondPageAsksBeforeTakingOverAndTheFirstCanTakeItBack() throws IOException {
    JsonNode seen = browser.run("takeover", page);

    assertThat(seen.get("busy").get("state").asText()).isEqualTo("busy");
    assertThat(seen.get("busy").get("title").asText()).isEqualTo("In use elsewhere");
    assertThat(seen.get("busy").get("text").asText()).contains("Take over?");
    assertThat(seen.get("taken").get("state").asText()).isEqualTo("taken");
    assertThat(seen.get("taken").get("title").asText()).isEqualTo("Taken over");
    assertThat(seen.get("taken").get("button").asText()).isEqualTo("Take it back");
    assertThat(seen.get("secondAfter").asText()).isEqualTo("taken");
  }

  @Test
  void aReloadKeepsTheTabsClientIdAndAnotherTabGetsItsOwn() throws IOException {
    JsonNode seen = browser.run("reload", page);

    assertThat(seen.get("before").asText()).startsWith("web-");
    assertThat(seen.get("after").asText()).isEqualTo(seen.get("before").asText());
    assertThat(seen.get("other").asText()).isNotEqualTo(seen.get("before").asText());
    assertThat(seen.get("status").asText()).isEqualTo("live");
  }

  @Test
  void theLogsPanelFindsACommandTypedEarlier() throws IOException {
    JsonNode seen = browser.run("logs", page, Map.of("stored", BrowserTest::awaitTranscriptStored));

    assertThat(texts(seen.get("entries")))
        .anySatisfy(e -> assertThat(e).contains("logs-needle-42"));
    assertThat(texts(seen.get("marks"))).allSatisfy(m -> assertThat(m).isEqualTo("logs-needle-42"));
    assertThat(seen.get("castHref").asText()).isEqualTo("/session/logs.cast");
    assertThat(seen.get("castHasNeedle").asBoolean()).isTrue();
  }

  private static URI throughProxy() {
    return URI.create("http://127.0.0.1:" + proxy.webSocketUri().getPort() + "/");
  }

  private static void awaitTranscriptStored() {
    try {
      assertThat(relay.transcript().awaitStored(Duration.ofSeconds(10))).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }
}
