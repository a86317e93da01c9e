package io.github.wschat.core.domain;

import java.util.Objects;

/**
 * What a room use case did: the caller was answered and others told ({@link Done}), a message was
 * published or found to be a retry ({@link Published}), or the command was refused with an error to the
 * caller only ({@link Refused}). The replies themselves went out through the
 * {@link io.github.wschat.core.port.out.MessageSender}; this is for handlers, logs and tests.
 */
public sealed interface RoomResult {

    /** What happened to the reply sent to the caller. */
    DeliveryOutcome answer();

    /**
     * Joined, left, members or history answered.
     *
     * @param answer   the reply to the caller
     * @param presence the presence event's fan-out to the room's other members; {@link BroadcastReport#none()}
     *                 when nobody was to be told
     */
    record Done(DeliveryOutcome answer, BroadcastReport presence) implements RoomResult {
        public Done {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(presence, "presence");
        }
    }

    /**
     * A publish: stored and delivered, or a retry of a message stored before.
     *
     * @param message   the stored message: this one, or the first one of its id
     * @param duplicate whether the id was seen before: nothing was stored or delivered, the ack gave the first seq
     * @param answer    the ack to the publisher
     * @param delivery  the message's fan-out to the room's other connections; {@link BroadcastReport#none()} for a duplicate
     */
    record Published(RoomMessage message, boolean duplicate, DeliveryOutcome answer, BroadcastReport delivery)
            implements RoomResult {
        public Published {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /**
     * Refused: nothing stored, nobody else told.
     *
     * @param error  the error, with the command's ref
     * @param answer the error event sent to the caller
     */
    record Refused(ChatError error, DeliveryOutcome answer) implements RoomResult {
        public Refused {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(answer, "answer");
        }
    }
}
