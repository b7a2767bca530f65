package dev.kubetty.relay.store;

import java.time.OffsetDateTime;

/** A stored session; the attach/detach stamps are null until the first attach/detach. */
public record SessionRow(
    String id,
    String deploymentId,
    OffsetDateTime createdAt,
    OffsetDateTime lastAttachAt,
    OffsetDateTime lastDetachAt) {}
