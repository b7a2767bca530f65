package dev.kubetty.relay.auth;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Login rate limiting: failed logins are counted per username and per client address in a sliding
 * window. Once a key has {@code limit} failures inside the window, further attempts are refused
 * (without checking the password) until the oldest of them leaves the window. Unknown usernames are
 * counted like known ones, so the limiter does not reveal which users exist.
 *
 * <p>Defaults: 5 failures per username and 20 per address in 5 minutes. Memory is bounded: at most
 * {@value #MAX_KEYS} keys are kept; beyond that, keys whose failures have all expired are dropped
 * first, then the oldest. Thread-safe (one lock; every operation is O(limit)).
 */
final class LoginThrottle {
  static final int MAX_KEYS = 50_000;

  private final int perUser;
  private final int perAddress;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Deque<Long>> failures = new HashMap<>();

  LoginThrottle() {
    this(5, 20, Duration.ofMinutes(5), System::nanoTime);
  }

  LoginThrottle(int perUser, int perAddress, Duration window, LongSupplier nanoTime) {
    this.perUser = perUser;
    this.perAddress = perAddress;
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  /** How long the caller must wait before trying again; {@link Duration#ZERO} if it may try now. */
  synchronized Duration retryAfter(String username, String address) {
    long now = nanoTime.getAsLong();
    long wait =
        Math.max(wait(userKey(username), perUser, now), wait(addressKey(address), perAddress, now));
    return Duration.ofNanos(wait);
  }

  /** Counts a failed login. */
  synchronized void failed(String username, String address) {
    long now = nanoTime.getAsLong();
    record(userKey(username), perUser, now);
    record(addressKey(address), perAddress, now);
  }

  /** Forgets the user's failures after a successful login (the address keeps its count). */
  synchronized void succeeded(String username) {
    failures.remove(userKey(username));
  }

  private long wait(String key, int limit, long now) {
    Deque<Long> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    expire(times, now);
    if (times.size() < limit) {
      return 0;
    }
    return times.peekFirst() + windowNanos - now;
  }

  private void record(String key, int limit, long now) {
    Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    expire(times, now);
    times.addLast(now);
    while (times.size() > limit) {
      times.removeFirst();
    }
    if (failures.size() > MAX_KEYS) {
      evict(now);
    }
  }

  private void expire(Deque<Long> times, long now) {
    while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
      times.removeFirst();
    }
  }

  private void evict(long now) {
    failures.values().removeIf(times -> times.isEmpty() || now - times.peekLast() >= windowNanos);
    Iterator<String> oldest = failures.keySet().iterator();
    while (failures.size() > MAX_KEYS && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  private static String userKey(String username) {
    return "u:" + username.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "a:" + address;
  }
}
