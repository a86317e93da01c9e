package io.github.wschat.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to append to a room's log, before it has a sequence number; the log gives it the room's
 * next one ({@link io.github.wschat.core.port.out.MessageLog#append}).
 *
 * @param room   the room
 * @param id     the publisher's id, by which the log is idempotent
 * @param from   who publishes it
 * @param text   what it says, not empty; its size is judged by a {@link TextLimit} before it gets here
 * @param sentAt when the chat accepted it; kept at millisecond precision (finer is cut off here)
 */
public record NewMessage(RoomName room, MessageId id, UserRef from, String text, Instant sentAt) {

    public NewMessage {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a message's text must not be empty");
        }
        sentAt = Objects.requireNonNull(sentAt, "sentAt").truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
