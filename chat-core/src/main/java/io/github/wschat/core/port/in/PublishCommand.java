package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.domain.UserIdentity;

import java.util.Objects;

/**
 * A member publishes a message to its room ({@code {"action":"publish","room":R,"id":ID,"text":T}}).
 *
 * @param connection the publishing connection, which gets the ack and not the message
 * @param user       the user speaking on it: the message's {@code from}
 * @param room       the room
 * @param id         the client's id for the message, by which a retry is recognised
 * @param text       the text as the client sent it; an empty or oversized text is answered with an
 *                   error rather than refused here
 * @param ref        the command's {@code ref}, echoed in the ack or error; {@code null} when it had none
 */
public record PublishCommand(ConnectionId connection, UserIdentity user, RoomName room, MessageId id, String text,
                             String ref) {

    public PublishCommand {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        RoomRequest.requireValidRef(ref);
    }
}
