package io.github.wschat.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored connection: its id, when it was opened and who opened it.
 *
 * @param id          the connection id
 * @param connectedAt when the connection was accepted
 * @param identity    the client, {@link ClientIdentity#UNKNOWN} when nothing is known
 */
public record Connection(ConnectionId id, Instant connectedAt, ClientIdentity identity) {

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(connectedAt, "connectedAt");
        identity = identity == null ? ClientIdentity.UNKNOWN : identity;
    }

    public static Connection of(ConnectionId id, Instant connectedAt, ClientIdentity identity) {
        return new Connection(id, connectedAt, identity);
    }
}
