package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;

import java.util.Objects;

/** A connection is gone ({@code $disconnect}, a 410 met in a fan-out, TTL expiry): take it out of every room. */
public record LeaveAllRoomsCommand(ConnectionId connection) {

    public LeaveAllRoomsCommand {
        Objects.requireNonNull(connection, "connection");
    }
}
