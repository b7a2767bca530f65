package dev.kubetty.relay.session;

/** What {@link TerminalSession#attach} decided. */
public sealed interface AttachResult {

  /** The connection is now the session's writer; send {@code ready} and pump. */
  record Attached(Attachment attachment) implements AttachResult {}

  /** Another client is attached and the hello did not ask to take over: close with 4409. */
  record Busy(String attachedClient) implements AttachResult {}
}
