package dev.kubetty.relay.ws;

import dev.kubetty.protocol.CloseCode;
import dev.kubetty.relay.auth.Principal;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open WebSocket connections, their keepalive and their shutdown.
 *
 * <p>Every {@code checkEvery} the registry pings each connection it has not pinged for {@code
 * pingEvery}, and drops (without a close handshake) any connection it has heard nothing from — no
 * frame, no pong — for {@code deadAfter}. A dead peer is therefore detached within {@code deadAfter
 * + checkEvery} (30 s with the defaults) and its output enters the resume grace.
 */
final class ConnectionRegistry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConnectionRegistry.class);

  private final Set<TerminalSocket> open = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("ws-keepalive").unstarted(r));
  private final long deadAfterNanos;

  /**
   * Pings every {@code pingEvery}; drops a connection within {@code peerTimeout} of its last frame,
   * checking six times per timeout.
   */
  ConnectionRegistry(Duration pingEvery, Duration peerTimeout) {
    this(pingEvery, peerTimeout.minus(peerTimeout.dividedBy(6)), peerTimeout.dividedBy(6));
  }

  private ConnectionRegistry(Duration pingEvery, Duration deadAfter, Duration checkEvery) {
    this.deadAfterNanos = deadAfter.toNanos();
    long pingTicks = Math.max(1, pingEvery.toMillis() / checkEvery.toMillis());
    long[] tick = {0};
    scheduler.scheduleWithFixedDelay(
        () -> check(++tick[0] % pingTicks == 0),
        checkEvery.toMillis(),
        checkEvery.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  void add(TerminalSocket socket) {
    open.add(socket);
  }

  void remove(TerminalSocket socket) {
    open.remove(socket);
  }

  private void check(boolean pingNow) {
    long now = System.nanoTime();
    for (TerminalSocket socket : open) {
      try {
        if (now - socket.lastReceivedNanos() > deadAfterNanos) {
          log.info("event=keepalive-timeout: dropping a silent connection");
          open.remove(socket);
          socket.disconnect();
        } else if (pingNow) {
          socket.ping();
        }
      } catch (RuntimeException e) {
        // One broken socket must not stop the keepalive of the others.
        log.debug("event=keepalive-failed error={}", e.toString());
      }
    }
  }

  /**
   * Closes with 4401 every connection whose login {@code isLive} rejects. A failing check (the
   * database is down) keeps the connection: its login was valid when it opened and nothing says it
   * ended.
   */
  void closeRevoked(Predicate<Principal> isLive) {
    for (TerminalSocket socket : open) {
      Principal principal = socket.principal();
      if (principal == null) {
        continue;
      }
      boolean live;
      try {
        live = isLive.test(principal);
      } catch (RuntimeException e) {
        log.warn("event=login-check-failed user={} error={}", principal.username(), e.toString());
        continue;
      }
      if (!live) {
        log.info("event=login-revoked user={}: closing its connection", principal.username());
        open.remove(socket);
        socket.close(CloseCode.UNAUTHORIZED, "login revoked or user deactivated");
      }
    }
  }

  /** Closes every connection with {@code code} (1001 on shutdown) and stops the keepalive. */
  void closeAll(CloseCode code, String reason) {
    for (TerminalSocket socket : open) {
      socket.close(code, reason);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
