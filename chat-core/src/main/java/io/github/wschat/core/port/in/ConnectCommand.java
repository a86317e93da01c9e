package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;

import java.util.Objects;

/** A client opened a connection ({@code $connect}). */
public record ConnectCommand(ConnectionId connectionId, ClientIdentity identity) {

    public ConnectCommand {
        Objects.requireNonNull(connectionId, "connectionId");
        identity = identity == null ? ClientIdentity.UNKNOWN : identity;
    }
}
