package dev.kubetty.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A real HTTP client for the auth endpoints and the routes behind the gate. */
final class AuthHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI base;

  AuthHttp(URI base) {
    this.base = base;
  }

  HttpResponse<String> post(String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /** Logs in and returns the token answer, asserting 200. */
  JsonNode login(String username, String password) {
    HttpResponse<String> response = post("/api/auth/login", credentials(username, password));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  static String credentials(String username, String password) {
    return JSON.createObjectNode().put("username", username).put("password", password).toString();
  }

  static String refreshBody(String refreshToken) {
    return JSON.createObjectNode().put("refreshToken", refreshToken).toString();
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** Sends {@code head} (request line and headers, CRLF-separated) and returns the status code. */
  int rawStatus(String head) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        line.append((char) b);
      }
      return Integer.parseInt(line.toString().split(" ")[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A WebSocket upgrade request for {@code /ws} with extra header lines. */
  String upgrade(String... headerLines) {
    StringBuilder head =
        new StringBuilder("GET /ws HTTP/1.1\r\n")
            .append("Connection: Upgrade\r\nUpgrade: websocket\r\n")
            .append("Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n")
            .append("Sec-WebSocket-Protocol: kubetty.v1");
    boolean hasHost = false;
    for (String line : headerLines) {
      hasHost |= line.regionMatches(true, 0, "Host:", 0, 5);
    }
    if (!hasHost) {
      head.append("\r\nHost: ").append(base.getAuthority());
    }
    for (String line : headerLines) {
      head.append("\r\n").append(line);
    }
    return head.toString();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
