package dev.kubetty.relay.session;

/** What {@link TerminalSession#attach} decided. */
public sealed interface AttachResult {

  /**
   * The connection is now the session's writer; send {@code ready} and pump.
   *
   * @param input {@code ready.input}: the client id's input bytes taken before, or null
   */
  record Attached(Attachment attachment, Long input) implements AttachResult {}

  /** Another client is attached and the hello did not ask to take over: close with 4409. */
  record Busy(String attachedClient) implements AttachResult {}
}
