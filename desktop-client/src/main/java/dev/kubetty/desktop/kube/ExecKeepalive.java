package dev.kubetty.desktop.kube;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps idle exec streams alive. fabric8 7.x's HTTP clients send no WebSocket pings on exec streams
 * (its {@code websocketPingInterval} setting is not used), and API servers, kubelets and proxies
 * cut streams that carry nothing for minutes. So every {@link #INTERVAL} the session re-sends its
 * current window size on the resize channel: a real frame every hop forwards, and a no-op in the
 * container (the kernel signals {@code SIGWINCH} only when the size changes).
 */
final class ExecKeepalive {
  /** How often an idle session sends its keepalive frame. */
  static final Duration INTERVAL = Duration.ofSeconds(20);

  private static final ScheduledExecutorService TIMER = timer();

  private ExecKeepalive() {}

  private static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("exec-keepalive").daemon().factory());
    // A cancelled beat leaves the queue at once: it holds its session, and with it the whole
    // cluster client, which would otherwise stay reachable until the beat's next due time.
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /** Runs {@code beat} every {@code interval} until the returned future is cancelled. */
  static ScheduledFuture<?> every(Duration interval, Runnable beat) {
    long millis = interval.toMillis();
    return TIMER.scheduleWithFixedDelay(beat, millis, millis, TimeUnit.MILLISECONDS);
  }
}
