package dev.kubetty.relay.auth;

import java.time.OffsetDateTime;

/** A row of {@code users}. {@link #toString} leaves out the password hash. */
public record UserRow(
    long id,
    String username,
    String passwordHash,
    boolean active,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {
  @Override
  public String toString() {
    return "UserRow[id=" + id + ", username=" + username + ", active=" + active + "]";
  }
}
