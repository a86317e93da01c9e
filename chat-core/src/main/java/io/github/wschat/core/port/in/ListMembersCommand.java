package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.ServerCaller;

import java.util.Objects;

/**
 * Who is in a room, over the server API ({@code GET /rooms/{room}/members}).
 *
 * @param caller the token's user, and whether it may use every room
 * @param room   the room
 */
public record ListMembersCommand(ServerCaller caller, RoomName room) {

    public ListMembersCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(room, "room");
    }
}
