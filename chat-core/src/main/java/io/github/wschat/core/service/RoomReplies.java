package io.github.wschat.core.service;

import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.RoomEventRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/** Answers the caller of a room command: its reply, or an error to it only (PROTOCOL §6). */
final class RoomReplies {

    private static final Logger LOG = LoggerFactory.getLogger(RoomReplies.class);

    private final MessageSender sender;
    private final RoomEventRenderer renderer;

    RoomReplies(MessageSender sender, RoomEventRenderer renderer) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    RoomEventRenderer renderer() {
        return renderer;
    }

    /** Sends a rendered reply to the caller; never throws. */
    DeliveryOutcome send(ConnectionId caller, String reply) {
        DeliveryOutcome outcome = Deliveries.sendIsolated(sender, caller, MessagePayload.of(reply));
        if (!outcome.isDelivered()) {
            LOG.debug("could not answer {}: {} {}", caller, outcome.status(), outcome.reason());
        }
        return outcome;
    }

    /** Sends the caller the error, and nobody else anything; never throws. */
    RoomResult.Refused refuse(ConnectionId caller, ChatError error) {
        LOG.info("refused a room command of {}: {}", caller, error.code().wire());
        String reply;
        try {
            reply = Objects.requireNonNull(renderer.error(error), "the renderer gave no text");
        } catch (RuntimeException e) {
            LOG.warn("could not render the error for {}", caller, e);
            return new RoomResult.Refused(error, Deliveries.failure(e));
        }
        return new RoomResult.Refused(error, send(caller, reply));
    }

    /** {@code not_member} for a command about a room the caller is not in. */
    RoomResult.Refused notMember(ConnectionId caller, RoomName room, String ref) {
        return refuse(caller, new ChatError(ErrorCode.NOT_MEMBER, "not a member of room " + room + ": join it first", ref));
    }

    /** {@code internal} for a command a port failed on; the failure is logged with its cause. */
    RoomResult.Refused internal(ConnectionId caller, String what, String ref, RuntimeException failure) {
        LOG.warn("could not {} for {}", what, caller, failure);
        return refuse(caller, internalError(what).withRef(ref));
    }

    /** The {@code internal} error of a call a port failed on, without ref: what could not be done, never why. */
    static ChatError internalError(String what) {
        return ChatError.of(ErrorCode.INTERNAL, "the chat could not " + what + ", try again");
    }
}
