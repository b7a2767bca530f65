package dev.kubetty.relay.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Refresh tokens: 256 random bits, base64url without padding (43 characters). Only their SHA-256 is
 * stored; a presented token is found by the hash of what was presented, so no token ever sits in
 * the database and no comparison depends on the secret's bytes.
 */
final class RefreshTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_LENGTH = 128;

  private RefreshTokens() {}

  /** A new random token. */
  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of {@code token}; null when the text cannot be a token at all. */
  static byte[] hash(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
      return null;
    }
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
