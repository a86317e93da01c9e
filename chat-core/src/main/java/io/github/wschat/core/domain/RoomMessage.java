package io.github.wschat.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A message as a room's log keeps it and members receive it (PROTOCOL §4, the {@code message} event).
 *
 * @param room   the room it was published to
 * @param seq    its sequence number in the room: 1, 2, 3 …, never reused
 * @param id     the publisher's id for it, unique in the room
 * @param from   who published it
 * @param text   what it says, never empty; never logged at INFO
 * @param sentAt when the chat accepted it, at millisecond precision (the wire shows milliseconds)
 */
public record RoomMessage(RoomName room, long seq, MessageId id, UserRef from, String text, Instant sentAt) {

    public RoomMessage {
        Objects.requireNonNull(room, "room");
        if (seq < 1) {
            throw new IllegalArgumentException("a sequence number is at least 1, is " + seq);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a message's text must not be empty");
        }
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** The same message under another sequence number, as a log gives it when it appends a {@link NewMessage}. */
    public static RoomMessage of(NewMessage message, long seq) {
        return new RoomMessage(message.room(), seq, message.id(), message.from(), message.text(), message.sentAt());
    }
}
