package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.domain.ServerCaller;

import java.util.Objects;

/**
 * A page of a room's messages over the server API ({@code GET /rooms/{room}/messages?after=N&limit=L}).
 *
 * @param caller the token's user, and whether it may use every room
 * @param room   the room
 * @param after  the last seq the caller has, 0 or more
 * @param limit  the most messages to answer, 1 to {@value RoomRequest#MAX_LIMIT}
 */
public record ReadHistoryCommand(ServerCaller caller, RoomName room, long after, int limit) {

    public ReadHistoryCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(room, "room");
        RoomRequest.requireValidHistoryRange(after, limit);
    }
}
