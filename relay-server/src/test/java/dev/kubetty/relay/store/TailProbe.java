package dev.kubetty.relay.store;

/**
 * Reads one session's stored output tail and prints {@code tail LENGTH from OFFSET}; run in a child
 * JVM with a small heap by {@link TranscriptTailMemoryTest}. Arguments: JDBC URL, user, session id,
 * bytes.
 */
final class TailProbe {
  private TailProbe() {}

  public static void main(String[] args) {
    try (Database database = Database.connect(args[0], args[1], null, null)) {
      StoredBytes tail =
          new TranscriptReader(database.jdbi()).outputTail(args[2], Integer.parseInt(args[3]));
      System.out.println("tail " + tail.data().length + " from " + tail.streamOffset());
    }
  }
}
