package dev.kubetty.relay.session;

/**
 * Who is on the other end of a connection, as recorded in the attach history.
 *
 * @param address remote address and port, for logs and history
 * @param userAgent the {@code User-Agent} of the upgrade request, or null
 * @param username the authenticated user, or null when authentication is disabled
 */
public record Peer(String address, String userAgent, String username) {
  /** A peer known only by its address. */
  public static Peer at(String address) {
    return new Peer(address, null, null);
  }
}
