package dev.kubetty.relay.store;

import java.time.OffsetDateTime;

/** One client attachment; the detach fields are null while attached. */
public record AttachmentRow(
    long id,
    String sessionId,
    String clientId,
    String remoteAddress,
    String userAgent,
    String username,
    OffsetDateTime attachedAt,
    OffsetDateTime detachedAt,
    Integer closeCode,
    String closeReason) {}
