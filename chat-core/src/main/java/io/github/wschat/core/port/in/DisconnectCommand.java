package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;

import java.util.Objects;

/** A connection closed ({@code $disconnect}, best effort on AWS). */
public record DisconnectCommand(ConnectionId connectionId) {

    public DisconnectCommand {
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
