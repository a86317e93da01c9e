package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.domain.UserIdentity;

import java.util.Objects;

/**
 * A member asks who is in its room ({@code {"action":"members","room":R}}).
 *
 * @param connection the caller's connection, which the reply goes to
 * @param user       the user speaking on it
 * @param room       the room
 * @param ref        the command's {@code ref}, echoed in the reply; {@code null} when it had none
 */
public record RoomMembersCommand(ConnectionId connection, UserIdentity user, RoomName room, String ref) {

    public RoomMembersCommand {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(room, "room");
        RoomRequest.requireValidRef(ref);
    }
}
