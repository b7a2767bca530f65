package dev.kubetty.relay.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.CompressedContentFormat;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the browser page from the classpath directory {@code web/} (built from {@code
 * src/main/web} by esbuild at build time, packed into the relay jar): {@code GET /} and {@code
 * /index.html} give the page, {@code /assets/*} its content-hashed script, style sheet and icon.
 * Every other path is left to the next handler, so this handler can sit anywhere in the chain.
 *
 * <p>Responses: correct content types, ETags, a precompressed {@code .gz} twin when the client
 * accepts gzip, {@code Cache-Control: no-cache} for the page (always revalidated, so a new relay
 * version is picked up at once) and one year {@code immutable} for assets (their names change with
 * their content). The page carries a Content-Security-Policy that allows only the relay's own
 * origin. The routes are public by design: the page holds its own login form.
 *
 * <p>Thread-safe; non-blocking. If the relay was built without the page (no {@code web/} on the
 * classpath) the page routes answer 503 with a one-line explanation.
 */
public final class WebPageHandler extends Handler.Wrapper {
  private static final Logger log = LoggerFactory.getLogger(WebPageHandler.class);
  static final String CLASSPATH_ROOT = "web/";
  static final String PAGE_CACHE = "no-cache";
  static final String ASSET_CACHE = "public, max-age=31536000, immutable";
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
          + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; "
          + "frame-ancestors 'none'; form-action 'self'";

  private final boolean built;

  /** A handler over the page on the classpath. */
  public WebPageHandler() {
    Resource base = ResourceFactory.of(this).newClassLoaderResource(CLASSPATH_ROOT);
    this.built = base != null && base.resolve("index.html") != null;
    if (!built) {
      log.warn("event=web-page-missing classpath={} (relay built without npm?)", CLASSPATH_ROOT);
      return;
    }
    ResourceHandler files = new ResourceHandler();
    files.setBaseResource(base);
    files.setDirAllowed(false);
    files.setWelcomeFiles("index.html");
    files.setWelcomeMode(ResourceService.WelcomeMode.SERVE);
    files.setPrecompressedFormats(CompressedContentFormat.GZIP);
    files.setEtags(true);
    files.setAcceptRanges(false);
    setHandler(files);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    boolean page = path.equals("/") || path.equals("/index.html");
    boolean asset = path.startsWith("/assets/") && !path.endsWith(".gz");
    if (!page && !asset) {
      return false;
    }
    if (!built) {
      return unavailable(response, callback);
    }
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      return false;
    }
    if (page) {
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, PAGE_CACHE);
      response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.getHeaders().put("Referrer-Policy", "no-referrer");
    } else {
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, ASSET_CACHE);
    }
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    return super.handle(request, response, callback);
  }

  private static boolean unavailable(Response response, Callback callback) {
    response.setStatus(503);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    String body = "The browser page is not part of this build (it needs node and npm).\n";
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
