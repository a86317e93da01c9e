package io.github.wschat.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored connection: its id, when it was opened, from which client, and which user speaks on it.
 *
 * @param id          the connection id
 * @param connectedAt when the connection was accepted
 * @param identity    the client, {@link ClientIdentity#UNKNOWN} when nothing is known
 * @param user        the user the connection was opened by: the verified one with authorization on,
 *                    the connection's {@linkplain UserIdentity#anonymous anonymous} user with it off
 */
public record Connection(ConnectionId id, Instant connectedAt, ClientIdentity identity, UserIdentity user) {

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(connectedAt, "connectedAt");
        identity = identity == null ? ClientIdentity.UNKNOWN : identity;
        Objects.requireNonNull(user, "user");
    }

    public static Connection of(ConnectionId id, Instant connectedAt, ClientIdentity identity, UserIdentity user) {
        return new Connection(id, connectedAt, identity, user);
    }

    /**
     * A connection of its own {@linkplain UserIdentity#anonymous anonymous} user, as every connection is with
     * authorization off. The connect service never uses it: it stores the user its command names.
     */
    public static Connection of(ConnectionId id, Instant connectedAt, ClientIdentity identity) {
        Objects.requireNonNull(id, "id");
        return new Connection(id, connectedAt, identity, UserIdentity.anonymous(id));
    }
}
