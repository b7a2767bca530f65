package dev.kubetty.relay.config;

import dev.kubetty.relay.exec.ExecConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The relay's configuration, parsed once from the environment and validated at start-up.
 *
 * @param listen address to bind ({@code KUBETTY_LISTEN}, default {@code 127.0.0.1:8080}; port 0
 *     picks a free port)
 * @param auth {@code AUTH_MODE} (required) and the settings of that mode ({@link AuthSettings})
 * @param sessionId {@code SESSION_ID}, default {@code default}; stable across restarts of one
 *     deployment, it names the stored transcript the session continues
 * @param deploymentId {@code DEPLOYMENT_ID}, optional (null)
 * @param bufferBytes output ring buffer size ({@code KUBETTY_BUFFER_BYTES}, default 8 MiB, at least
 *     1 MiB)
 * @param windowBytes flow-control window ({@code KUBETTY_WINDOW_BYTES}, default 1 MiB, 64 KiB up to
 *     the buffer size)
 * @param resumeGrace how long output is held for a client that dropped without closing ({@code
 *     KUBETTY_RESUME_GRACE}, default 60s)
 * @param pingInterval how often the relay pings each connection ({@code KUBETTY_PING_INTERVAL},
 *     default 15s)
 * @param peerTimeout a connection silent this long (no frame, no pong) is dropped and detached
 *     ({@code KUBETTY_PEER_TIMEOUT}, default 30s)
 * @param retention how long stored transcripts are kept ({@code KUBETTY_RETENTION_DAYS}); {@link
 *     Duration#ZERO} (the default) keeps them forever
 * @param transcript whether every byte is stored in PostgreSQL ({@code KUBETTY_TRANSCRIPT}, {@code
 *     on} by default; {@code off} runs without a database, for benchmarks and throwaway sessions)
 * @param shell the login shell command line ({@code $SHELL -l}, else {@code /bin/bash -l})
 * @param workingDirectory where the shell starts ({@code $HOME}, else the current directory)
 * @param exec the exec gateway ({@code KUBETTY_EXEC_ALLOW}, {@code KUBETTY_EXEC_KUBECONFIG}); off
 *     by default
 * @param webSocketCompression whether WebSocket frames may be compressed: permessage-deflate when
 *     the client offers it ({@code KUBETTY_WS_DEFLATE}, default {@code on}; {@code off} saves the
 *     relay the deflate work on in-cluster links, where bandwidth is free)
 */
public record RelayConfig(
    InetSocketAddress listen,
    AuthSettings auth,
    String sessionId,
    String deploymentId,
    int bufferBytes,
    int windowBytes,
    Duration resumeGrace,
    Duration pingInterval,
    Duration peerTimeout,
    Duration retention,
    boolean transcript,
    List<String> shell,
    Path workingDirectory,
    ExecConfig exec,
    boolean webSocketCompression) {

  /** The defaults that {@link #fromEnvironment} starts from. */
  public static final int DEFAULT_BUFFER_BYTES = 8 << 20;

  public static final int DEFAULT_WINDOW_BYTES = 1 << 20;

  /**
   * Parses and validates the environment.
   *
   * @throws ConfigException naming the first variable that is missing or invalid
   */
  public static RelayConfig fromEnvironment(Map<String, String> env) {
    EnvReader in = new EnvReader(env);
    int buffer = in.bytes("KUBETTY_BUFFER_BYTES", DEFAULT_BUFFER_BYTES, 1 << 20, 1 << 30);
    int window =
        in.bytes("KUBETTY_WINDOW_BYTES", Math.min(DEFAULT_WINDOW_BYTES, buffer), 64 << 10, buffer);
    Duration ping = in.duration("KUBETTY_PING_INTERVAL", Duration.ofSeconds(15));
    Duration peerTimeout = in.duration("KUBETTY_PEER_TIMEOUT", Duration.ofSeconds(30));
    if (ping.toMillis() < 100) {
      throw new ConfigException("KUBETTY_PING_INTERVAL", "must be at least 100ms");
    }
    if (peerTimeout.compareTo(ping) <= 0) {
      throw new ConfigException(
          "KUBETTY_PEER_TIMEOUT", "must be longer than KUBETTY_PING_INTERVAL (" + ping + ")");
    }
    AuthSettings auth = AuthSettings.fromEnvironment(in, AuthMode.parse(env.get("AUTH_MODE")));
    boolean transcript = in.onOff("KUBETTY_TRANSCRIPT", true);
    if (!transcript && auth.mode() == AuthMode.LOCAL) {
      throw new ConfigException(
          "KUBETTY_TRANSCRIPT",
          "off runs without PostgreSQL, but AUTH_MODE=local keeps its users there; use"
              + " KUBETTY_TRANSCRIPT=on");
    }
    String shell = in.string("SHELL", "");
    String home = in.string("HOME", "");
    return new RelayConfig(
        in.address("KUBETTY_LISTEN", "127.0.0.1:8080"),
        auth,
        in.identifier("SESSION_ID", "default"),
        in.identifier("DEPLOYMENT_ID", null),
        buffer,
        window,
        in.duration("KUBETTY_RESUME_GRACE", Duration.ofSeconds(60)),
        ping,
        peerTimeout,
        in.days("KUBETTY_RETENTION_DAYS", Duration.ZERO),
        transcript,
        shell.isBlank() ? List.of("/bin/bash", "-l") : List.of(shell, "-l"),
        Path.of(home.isBlank() ? System.getProperty("user.dir") : home),
        ExecConfig.fromEnvironment(env),
        in.onOff("KUBETTY_WS_DEFLATE", true));
  }

  /** {@code AUTH_MODE}. */
  public AuthMode authMode() {
    return auth.mode();
  }

  /** A copy listening on another address (tests and the benchmark bind port 0). */
  public RelayConfig withListen(InetSocketAddress address) {
    return new RelayConfig(
        address,
        auth,
        sessionId,
        deploymentId,
        bufferBytes,
        windowBytes,
        resumeGrace,
        pingInterval,
        peerTimeout,
        retention,
        transcript,
        shell,
        workingDirectory,
        exec,
        webSocketCompression);
  }
}
