package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.domain.UserIdentity;

import java.util.Objects;

/**
 * A member asks for a page of its room's messages
 * ({@code {"action":"history","room":R,"after":N,"limit":L}}).
 *
 * @param connection the asking connection
 * @param user       the user speaking on it
 * @param room       the room
 * @param after      the last seq the client has; messages after it are read. 0 or more
 *                   ({@link RoomRequest#DEFAULT_AFTER} when the body had none)
 * @param limit      the most messages to answer, 1 to {@value RoomRequest#MAX_LIMIT}
 *                   ({@link RoomRequest#DEFAULT_LIMIT} when the body had none)
 * @param ref        the command's {@code ref}, echoed in the reply; {@code null} when it had none
 */
public record RoomHistoryCommand(ConnectionId connection, UserIdentity user, RoomName room, long after, int limit,
                                 String ref) {

    public RoomHistoryCommand {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(room, "room");
        RoomRequest.requireValidHistoryRange(after, limit);
        RoomRequest.requireValidRef(ref);
    }
}
