package dev.kubetty.protocol.client;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * The threads a {@link RelayClient} uses: one daemon timer thread for reconnects (it exits after 1
 * s idle) and OkHttp's. A caller-provided {@link OkHttpClient} is shared, never shut down; one
 * created here has its dispatcher and connection pool shut down by {@link #shutdown()}.
 */
final class ClientThreads {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final ScheduledThreadPoolExecutor timer;

  ClientThreads(Settings settings) {
    OkHttpClient base = settings.okHttpClient();
    this.ownsHttp = base == null;
    OkHttpClient.Builder builder = ownsHttp ? new OkHttpClient.Builder() : base.newBuilder();
    this.http = builder.pingInterval(settings.pingInterval()).build();
    String name = "kubetty-client-" + COUNT.incrementAndGet();
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
            });
    timer.setKeepAliveTime(1, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true);
  }

  OkHttpClient http() {
    return http;
  }

  ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    return timer.schedule(task, delay, unit);
  }

  /** Stops the timer and, if it is ours, OkHttp; sockets already closing finish on their own. */
  void shutdown() {
    timer.shutdownNow();
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
