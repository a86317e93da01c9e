package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.RoomMessage;

import java.util.Objects;

/**
 * What {@link MessageLog#append} did.
 *
 * @param message   the message as stored, with its seq: the one appended, or the first one of its id
 * @param duplicate whether the room had the id already, so that nothing was stored
 */
public record AppendResult(RoomMessage message, boolean duplicate) {

    public AppendResult {
        Objects.requireNonNull(message, "message");
    }

    /** The message was stored under a new seq. */
    public static AppendResult stored(RoomMessage message) {
        return new AppendResult(message, false);
    }

    /** The room had the id already: {@code first} is the message stored then. */
    public static AppendResult duplicate(RoomMessage first) {
        return new AppendResult(first, true);
    }
}
