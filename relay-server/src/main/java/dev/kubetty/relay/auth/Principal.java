package dev.kubetty.relay.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * Who made a request: the user behind a verified access token.
 *
 * @param userId the user's row id
 * @param username the user's name as stored
 * @param family the login (token family) the access token belongs to
 * @param expiresAt when the access token expires
 */
public record Principal(long userId, String username, UUID family, Instant expiresAt) {
  /** The request attribute under which the gate stores the principal of a request. */
  public static final String ATTRIBUTE = Principal.class.getName();
}
