package dev.kubetty.relay.attach;

/**
 * What {@code attach} tells the user, and which exit code it uses, when the relay closes for good.
 */
final class CloseMessages {
  private CloseMessages() {}

  /** A plain sentence for a final close with {@code code} and the relay's {@code reason}. */
  static String describe(int code, String reason) {
    return switch (code) {
      case 1000 -> "connection closed by the relay";
      case 4409 -> "session busy: another client is attached (use --takeover to replace it)";
      case 4410 -> "taken over by another client";
      case 4401 ->
          "authentication failed: the relay needs a login (--user NAME or --credentials-file"
              + " FILE) ("
              + code
              + ")";
      case 4403 -> "authentication failed: the relay refused access (" + code + ")";
      case 4404 -> "no relay WebSocket at this URL (HTTP 404)";
      default -> "connection closed: " + code + (blank(reason) ? "" : " " + reason);
    };
  }

  /** 0 when the relay ended the connection normally, 1 otherwise. */
  static int exitCode(int code) {
    return code == 1000 ? 0 : 1;
  }

  private static boolean blank(String reason) {
    return reason == null || reason.isBlank();
  }
}
