package dev.kubetty.relay.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubetty.relay.http.JsonReply;
import dev.kubetty.relay.store.StoreException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /session/logs} and {@code GET /session/logs.cast} for one session; other paths fall
 * through. Without a store ({@link #withoutStore}) both answer 503.
 *
 * <pre>
 * /session/logs       direction=output|input|all (output)  from=N (0)  inputFrom=N (0, with all)
 *                     since=, until= ISO-8601 instants on recorded_at  limit=1-1000 (100)
 *                     q=text (bytes matched exactly, A-Z case-insensitively; see SearchNeedle)
 *   → {"session","items":[{direction,offset,time,length,text,base64}],"events":[…],"next"}
 * /session/logs.cast  since=, until=  input=true|false (false)   → asciicast v2, streamed
 * </pre>
 *
 * <p>Pages are bounded by {@code limit} rows of at most the writer's row size (64 KiB by default),
 * so a full page of 1000 rows can take tens of MiB; the recording streams in pages of {@value
 * CastWriter#PAGE_ROWS} rows.
 *
 * <p>Answers: 200 with the page or the recording; 400 {@code {"error":"bad_request","message":…}}
 * for a bad parameter; 405 for another method; 503 {@code {"error":"store_unavailable",…}} when the
 * database fails (its message is logged, never sent). A failure in the middle of a recording, after
 * the status is sent, aborts the response. Blocking: runs on a Jetty worker thread, at most one
 * database connection at a time.
 */
public final class LogsHandler extends Handler.Abstract {
  static final String LOGS_PATH = "/session/logs";
  static final String CAST_PATH = "/session/logs.cast";
  private static final Logger log = LoggerFactory.getLogger(LogsHandler.class);

  private final TranscriptLogs logs;
  private final CastWriter cast;

  private LogsHandler(TranscriptLogs logs, CastWriter cast) {
    this.logs = logs;
    this.cast = cast;
  }

  /** Serves the transcript of {@code sessionId} stored in {@code jdbi}'s database. */
  public static LogsHandler of(Jdbi jdbi, String sessionId) {
    return new LogsHandler(new TranscriptLogs(jdbi, sessionId), new CastWriter(jdbi, sessionId));
  }

  /** Answers both paths with 503 "no transcript store" (the relay runs without a database). */
  public static LogsHandler withoutStore() {
    return new LogsHandler(null, null);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.equals(LOGS_PATH) && !path.equals(CAST_PATH)) {
      return false;
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (!HttpMethod.GET.is(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET");
      JsonReply.send(response, callback, 405, JsonReply.error("method_not_allowed", "use GET"));
    } else if (logs == null) {
      JsonReply.send(response, callback, 503, JsonReply.error("no_store", "no transcript store"));
    } else {
      answer(request, response, callback, path.equals(CAST_PATH));
    }
    return true;
  }

  private void answer(Request request, Response response, Callback callback, boolean recording) {
    try {
      Parameters parameters = new Parameters(Request.extractQueryParameters(request));
      if (recording) {
        sendCast(CastQuery.parse(parameters), response, callback);
      } else {
        JsonReply.send(
            response, callback, 200, LogsJson.render(logs.sessionId(), page(parameters)));
      }
    } catch (BadRequestException e) {
      JsonReply.send(response, callback, 400, JsonReply.error("bad_request", e.getMessage()));
    } catch (JdbiException | StoreException e) {
      log.warn("session={} event=logs-store-failed error={}", logs.sessionId(), e.toString());
      if (response.isCommitted()) {
        callback.failed(e);
      } else {
        JsonReply.send(response, callback, 503, storeUnavailable());
      }
    } catch (IOException e) {
      // The client went away mid-recording: nothing left to tell it.
      callback.failed(e);
    }
  }

  private LogsPage page(Parameters parameters) {
    return logs.page(LogsQuery.parse(parameters));
  }

  private static ObjectNode storeUnavailable() {
    return JsonReply.error("store_unavailable", "the transcript store is unavailable; try again");
  }

  private void sendCast(CastQuery query, Response response, Callback callback) throws IOException {
    CastHeader header = cast.header(query);
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-asciicast");
    response
        .getHeaders()
        .put(
            HttpHeader.CONTENT_DISPOSITION,
            "attachment; filename=\"kubetty-" + fileSafe(logs.sessionId()) + ".cast\"");
    // Not try-with-resources: closing sends the last chunk, which would make a recording cut short
    // by a database failure look complete. On failure the caller fails the callback (an abort).
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Content.Sink.asOutputStream(response), StandardCharsets.UTF_8),
            32 * 1024);
    cast.write(query, header, out);
    out.close();
    callback.succeeded();
  }

  /** The session id with anything but letters, digits, '.', '_' and '-' replaced by '_'. */
  static String fileSafe(String sessionId) {
    return sessionId.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
