package io.github.wschat.core.domain;

import java.util.Objects;

/**
 * A message posted through the server API: stored and delivered, or a retry of a message stored before.
 *
 * @param message   the stored message: this one, or the first one of its id
 * @param duplicate whether the id was seen before: nothing was stored or delivered
 * @param delivery  the message's fan-out to the room's connections; {@link BroadcastReport#none()} for a duplicate
 */
public record PostedMessage(RoomMessage message, boolean duplicate, BroadcastReport delivery) {

    public PostedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(delivery, "delivery");
    }
}
