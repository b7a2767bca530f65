package dev.kubetty.protocol.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs listener callbacks one at a time, in the order they were enqueued, on whichever thread calls
 * {@link #drain()} first; no thread of its own.
 *
 * <p>Events are enqueued while the client's state lock is held (so their order matches the order of
 * the state changes) and drained after it is released (so a slow listener never blocks a caller of
 * {@code send}). A thread that drains blocks until the queue is empty: that is how a slow {@code
 * onOutput} holds back OkHttp's reader thread. A callback that enqueues more events (for example by
 * calling {@code close()}) sees them run right after it returns.
 */
final class CallbackQueue {
  private static final Logger log = LoggerFactory.getLogger(CallbackQueue.class);

  private final Queue<Runnable> events = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  void enqueue(Runnable event) {
    events.add(event);
  }

  /** Runs queued events unless another thread (or an outer frame of this one) already does. */
  void drain() {
    while (!events.isEmpty() && draining.compareAndSet(false, true)) {
      try {
        Runnable event;
        while ((event = events.poll()) != null) {
          runSafely(event);
        }
      } finally {
        draining.set(false);
      }
    }
  }

  private static void runSafely(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      // A listener bug must not kill the reader thread or skip later events; report and go on.
      log.error("relay listener threw; event skipped", e);
    }
  }
}
