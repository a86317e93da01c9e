package io.github.wschat.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway knows of a live connection ({@code GET @connections/{id}} on API Gateway): when
 * it opened, when it was last active and the client's identity. The {@code $default} route answers
 * the caller with it.
 */
public record ConnectionInfo(Instant connectedAt, Instant lastActiveAt, ClientIdentity identity) {

    public ConnectionInfo {
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
        identity = identity == null ? ClientIdentity.UNKNOWN : identity;
    }
}
