package dev.kubetty.relay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.testing.RelayExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The page's HTTP side: routes, content types, caching, gzip, and what it leaves alone. */
class WebPageHandlerTest {
  @RegisterExtension static final RelayExtension relay = new RelayExtension();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static String script;
  private static String styles;

  @BeforeAll
  static void readPage() throws Exception {
    String html = get("/", false).body();
    script = match(html, "<script type=\"module\" src=\"(/assets/main-[A-Z0-9]+\\.js)\"");
    styles = match(html, "<link rel=\"stylesheet\" href=\"(/assets/main-[A-Z0-9]+\\.css)\"");
  }

  @Test
  void thePageIsServedAtTheRootAndAsIndexHtmlAlwaysRevalidated() throws Exception {
    HttpResponse<String> root = get("/", false);
    HttpResponse<String> index = get("/index.html", false);

    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(root.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(root.headers().firstValue("ETag")).isPresent();
    assertThat(root.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    assertThat(root.body()).contains("<div id=\"terminal\">");
    assertThat(index.body()).isEqualTo(root.body());
  }

  @Test
  void assetsHaveTheirTypesAndAreCachedForever() throws Exception {
    HttpResponse<String> js = get(script, false);
    HttpResponse<String> css = get(styles, false);

    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(js.headers().firstValue("Cache-Control")).hasValue(WebPageHandler.ASSET_CACHE);
    assertThat(js.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(css.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    assertThat(css.body()).contains(".xterm");
  }

  @Test
  void aClientThatAcceptsGzipGetsTheSameBytesCompressed() throws Exception {
    HttpResponse<byte[]> plain = getBytes(script, false);
    HttpResponse<byte[]> zipped = getBytes(script, true);

    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.headers().firstValue("Vary"))
        .hasValueSatisfying(v -> assertThat(v).contains("Accept-Encoding"));
    assertThat(zipped.body().length).isLessThan(plain.body().length / 2);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
  }

  @Test
  void unknownAssetsDirectoriesAndRawGzipFilesAreNotServed() throws Exception {
    assertThat(get("/assets/nope.js", false).statusCode()).isEqualTo(404);
    assertThat(get(script + ".gz", false).statusCode()).isEqualTo(404);
    assertThat(get("/assets/", false).statusCode()).isIn(403, 404);
    assertThat(get("/web/index.html", false).statusCode()).isEqualTo(404);
  }

  @Test
  void otherRoutesStillAnswer() throws Exception {
    assertThat(get("/healthz", false).body()).contains("ok");
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(relay.relay().httpUri().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isNotEqualTo(200);
  }

  private static HttpResponse<String> get(String path, boolean gzip) throws Exception {
    return http.send(
        request(path, gzip), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<byte[]> getBytes(String path, boolean gzip) throws Exception {
    return http.send(request(path, gzip), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest request(String path, boolean gzip) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(relay.relay().httpUri().resolve(path));
    if (gzip) {
      builder.header("Accept-Encoding", "gzip");
    }
    return builder.build();
  }

  private static String match(String text, String regex) throws IOException {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    if (!matcher.find()) {
      throw new IOException("no " + regex + " in the page");
    }
    return matcher.group(1);
  }
}
