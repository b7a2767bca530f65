package dev.kubetty.relay.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubetty.relay.auth.Principal;
import dev.kubetty.relay.http.JsonBody;
import dev.kubetty.relay.http.JsonReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/exec/tickets}: checks a target and answers a one-time ticket. Also {@code GET
 * /api/exec}: what this relay's gateway accepts, {@code {"serviceAccount":bool,"kubeconfig":bool}}
 * (whether an allow-list is set; whether callers may send a kubeconfig), for forms.
 *
 * <p>Request body (JSON, at most 256 KiB + 4 KiB):
 *
 * <pre>
 * {"namespace":"team-a","pod":"web-0","container":"app",   container optional
 *  "command":["bash"],                                     optional; default: bash, else sh
 *  "kubeconfig":"apiVersion: v1\n...","context":"prod"}    optional; context default: current
 * </pre>
 *
 * <p>Answers: 201 {@code {"ticket","expiresIn":60,"path":"/exec?ticket=…"}}; 400 {@code
 * bad_request}; 403 {@code exec_not_allowed} (not in {@code KUBETTY_EXEC_ALLOW}) or {@code
 * kubeconfig_not_accepted}; 404 {@code exec_disabled} (also for {@code GET /exec} when off); 503
 * {@code too_many_tickets}. Errors are {@code {"error","message"}}. The kubeconfig is never logged.
 */
final class TicketHandler extends Handler.Abstract {
  static final String TICKETS_PATH = "/api/exec/tickets";
  static final String SETTINGS_PATH = "/api/exec";
  private static final Logger log = LoggerFactory.getLogger(TicketHandler.class);
  private static final ObjectMapper JSON = JsonReply.JSON;
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");
  private static final int MAX_BODY = CallerKubeconfig.MAX_BYTES + 4096;

  private final ExecConfig config;
  private final ExecTicketStore tickets;

  TicketHandler(ExecConfig config, ExecTicketStore tickets) {
    this.config = config;
    this.tickets = tickets;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    boolean tickets = path.equals(TICKETS_PATH);
    boolean settings = path.equals(SETTINGS_PATH);
    if (!tickets && !settings && !path.equals(ExecGateway.EXEC_PATH)) {
      return false;
    }
    if (!config.enabled()) {
      return error(
          response,
          callback,
          404,
          "exec_disabled",
          "The exec gateway is off. Set KUBETTY_EXEC_ALLOW (pods the relay's service account may"
              + " exec into) or KUBETTY_EXEC_KUBECONFIG=on.");
    }
    if (settings) {
      return settings(request, response, callback);
    }
    if (!tickets) {
      return error(
          response,
          callback,
          400,
          "bad_request",
          "GET /exec is a WebSocket upgrade (subprotocol kubetty.v1); the ticket goes in hello");
    }
    if (!request.getMethod().equals("POST")) {
      response.getHeaders().put(HttpHeader.ALLOW, "POST");
      return error(response, callback, 405, "method_not_allowed", "use POST");
    }
    JsonNode body = JsonBody.read(request, response, callback, MAX_BODY);
    if (body == null) {
      return true;
    }
    try {
      Principal owner = request.getAttribute(Principal.ATTRIBUTE) instanceof Principal p ? p : null;
      ExecTicket ticket = ticket(body, owner);
      Optional<String> issued = this.tickets.issue(ticket);
      if (issued.isEmpty()) {
        return error(
            response,
            callback,
            503,
            "too_many_tickets",
            "too many unused exec tickets; retry in a minute");
      }
      log.info(
          "event=exec-ticket user={} target={} credentials={}",
          ticket.user(),
          ticket.target().label(),
          ticket.usesServiceAccount() ? "service-account" : "caller-kubeconfig");
      ObjectNode answer = JSON.createObjectNode();
      answer.put("ticket", issued.get());
      answer.put("expiresIn", ExecTicketStore.TTL.toSeconds());
      answer.put("path", ExecGateway.EXEC_PATH + "?ticket=" + issued.get());
      return json(response, callback, 201, answer);
    } catch (Refusal r) {
      return error(response, callback, r.status, r.code, r.getMessage());
    }
  }

  private boolean settings(Request request, Response response, Callback callback) {
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      return error(response, callback, 405, "method_not_allowed", "use GET");
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("serviceAccount", !config.allow().isEmpty());
    answer.put("kubeconfig", config.callerKubeconfig());
    return json(response, callback, 200, answer);
  }

  /** A request this handler refuses, with its HTTP status and error code. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    Refusal(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  private ExecTicket ticket(JsonNode body, Principal owner) throws Refusal {
    String namespace = name(body, "namespace", true);
    String pod = name(body, "pod", true);
    String container = name(body, "container", false);
    ExecTarget target = new ExecTarget(namespace, pod, container, command(body));
    String kubeconfig = text(body, "kubeconfig");
    String context = text(body, "context");
    if (kubeconfig == null) {
      if (config.allow().isEmpty()) {
        throw new Refusal(
            403,
            "exec_not_allowed",
            "Exec with the relay's service account is off (KUBETTY_EXEC_ALLOW is empty); send your"
                + " own kubeconfig instead.");
      }
      if (!config.allows(namespace, pod)) {
        throw new Refusal(
            403,
            "exec_not_allowed",
            namespace + "/" + pod + " is not in the relay's exec allow-list.");
      }
      return new ExecTicket(target, null, null, owner);
    }
    if (!config.callerKubeconfig()) {
      throw new Refusal(
          403,
          "kubeconfig_not_accepted",
          "This relay does not accept kubeconfigs (KUBETTY_EXEC_KUBECONFIG is off).");
    }
    try {
      CallerKubeconfig.validate(kubeconfig, context);
    } catch (IllegalArgumentException e) {
      throw new Refusal(400, "bad_kubeconfig", e.getMessage());
    }
    return new ExecTicket(target, kubeconfig, context, owner);
  }

  private static String name(JsonNode body, String field, boolean required) throws Refusal {
    String value = text(body, field);
    if (value == null) {
      if (required) {
        throw new Refusal(400, "bad_request", "field '" + field + "' is required");
      }
      return null;
    }
    if (!NAME.matcher(value).matches()) {
      throw new Refusal(400, "bad_request", "field '" + field + "' is not a Kubernetes name");
    }
    return value;
  }

  private static String text(JsonNode body, String field) throws Refusal {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.asText().isEmpty()) {
      throw new Refusal(400, "bad_request", "field '" + field + "' must be a non-empty string");
    }
    return node.asText();
  }

  private static List<String> command(JsonNode body) throws Refusal {
    JsonNode node = body.get("command");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray() || node.size() > 64) {
      throw new Refusal(
          400, "bad_request", "field 'command' must be an array of at most 64 strings");
    }
    List<String> argv = new ArrayList<>();
    for (JsonNode arg : node) {
      if (!arg.isTextual()) {
        throw new Refusal(400, "bad_request", "field 'command' must be an array of strings");
      }
      argv.add(arg.asText());
    }
    return argv;
  }

  /** The first value of query parameter {@code name} of {@code request}, or null. */
  static String queryParameter(Request request, String name) {
    Fields fields = Request.extractQueryParameters(request);
    Fields.Field field = fields.get(name);
    return field == null ? null : field.getValue();
  }

  private static boolean error(
      Response response, Callback callback, int status, String code, String message) {
    JsonReply.sendError(response, callback, status, code, message);
    return true;
  }

  private static boolean json(Response response, Callback callback, int status, ObjectNode body) {
    JsonReply.send(response, callback, status, body);
    return true;
  }
}
