package dev.kubetty.relay.exec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time exec tickets: 256 random bits, URL-safe base64, valid for {@link #TTL} and for one
 * {@link #redeem}. Only the SHA-256 of a ticket is kept as the key, so lookups compare hashes and a
 * timing difference reveals nothing about live tickets.
 *
 * <p>At most {@link #MAX_OUTSTANDING} unredeemed tickets are held (expired ones are dropped on
 * every issue); the kubeconfig a ticket carries is dropped with it. Thread-safe.
 */
final class ExecTicketStore {
  /** How long a ticket may wait to be redeemed. */
  static final Duration TTL = Duration.ofSeconds(60);

  /** Outstanding tickets at most; more is a client bug or abuse. */
  static final int MAX_OUTSTANDING = 1000;

  private record Entry(ExecTicket ticket, Instant expires) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
  private final Clock clock;

  ExecTicketStore(Clock clock) {
    this.clock = clock;
  }

  /**
   * Issues a ticket for {@code ticket}.
   *
   * @return the ticket string, or empty when {@link #MAX_OUTSTANDING} are outstanding
   */
  Optional<String> issue(ExecTicket ticket) {
    Instant now = clock.instant();
    byHash.values().removeIf(e -> !e.expires().isAfter(now));
    if (byHash.size() >= MAX_OUTSTANDING) {
      return Optional.empty();
    }
    byte[] bits = new byte[32];
    random.nextBytes(bits);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    byHash.put(hash(token), new Entry(ticket, now.plus(TTL)));
    return Optional.of(token);
  }

  /** The grant of {@code token} if it was issued, is unexpired and unused; it is used up now. */
  Optional<ExecTicket> redeem(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    Entry entry = byHash.remove(hash(token));
    if (entry == null || !entry.expires().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(entry.ticket());
  }

  /** Unredeemed tickets held now (expired ones included until the next issue). */
  int outstanding() {
    return byHash.size();
  }

  private static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
