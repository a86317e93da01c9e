package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;

import java.util.Objects;

/**
 * A client opened a connection ({@code $connect}).
 *
 * @param connectionId the new connection
 * @param identity     the client, {@link ClientIdentity#UNKNOWN} when nothing is known
 * @param user         who opens it, required: the verified user with authorization on, the
 *                     connection's {@linkplain UserIdentity#anonymous anonymous} user with it off
 */
public record ConnectCommand(ConnectionId connectionId, ClientIdentity identity, UserIdentity user) {

    public ConnectCommand {
        Objects.requireNonNull(connectionId, "connectionId");
        identity = identity == null ? ClientIdentity.UNKNOWN : identity;
        Objects.requireNonNull(user, "user");
    }
}
