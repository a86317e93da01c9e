package io.github.wschat.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One connection in one room: who joined, on which connection, when.
 *
 * @param room       the room
 * @param connection the connection that joined; a user with three connections in a room has three memberships
 * @param user       the user speaking on that connection
 * @param joinedAt   when it joined
 */
public record Membership(RoomName room, ConnectionId connection, UserRef user, Instant joinedAt) {

    public Membership {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    public static Membership of(RoomName room, ConnectionId connection, UserRef user, Instant joinedAt) {
        return new Membership(room, connection, user, joinedAt);
    }
}
