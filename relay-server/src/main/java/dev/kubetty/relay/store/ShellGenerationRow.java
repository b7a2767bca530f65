package dev.kubetty.relay.store;

import java.time.OffsetDateTime;

/** One shell process of a session; the end fields are null while it runs. */
public record ShellGenerationRow(
    String sessionId,
    int generation,
    OffsetDateTime startedAt,
    OffsetDateTime endedAt,
    Integer exitCode,
    long startOffset,
    Long endOffset) {}
