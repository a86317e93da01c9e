package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.ServerCaller;

import java.util.Objects;

/**
 * A message posted into a room over the server API ({@code POST /rooms/{room}/messages} {@code {"id":…,"text":…}}).
 *
 * @param caller the token's user, and whether it may use every room
 * @param room   the room
 * @param id     the caller's id for the message, by which a retry is recognised
 * @param text   the text as sent; an empty or oversized text is refused by the use case, not here
 */
public record PostMessageCommand(ServerCaller caller, RoomName room, MessageId id, String text) {

    public PostMessageCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
