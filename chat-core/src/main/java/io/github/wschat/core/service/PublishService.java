package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.TextLimit;
import io.github.wschat.core.port.in.PublishCommand;
import io.github.wschat.core.port.in.PublishUseCase;
import io.github.wschat.core.port.out.AppendResult;
import io.github.wschat.core.port.out.RoomMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Publishes to a room: a member's text within the {@link TextLimit} is stored first, under the room's
 * next seq, then acked to the publisher and sent to every other connection in the room. A retry of an
 * id the room has is acked with the first seq, and nothing is stored or delivered. The text is never
 * logged.
 */
final class PublishService implements PublishUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(PublishService.class);

    private final RoomMembership membership;
    private final RoomPublication publication;
    private final RoomReplies replies;

    PublishService(RoomMembership membership, RoomPublication publication, RoomReplies replies) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.publication = Objects.requireNonNull(publication, "publication");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    @Override
    public RoomResult publish(PublishCommand command) {
        RoomName room = command.room();
        AppendResult appended;
        try {
            if (!membership.isMember(room, command.connection())) {
                return replies.notMember(command.connection(), room, command.ref());
            }
            RoomPublication.Outcome outcome = publication.store(room, command.id(), command.user().ref(), command.text());
            if (outcome instanceof RoomPublication.Outcome.Refused refused) {
                return replies.refuse(command.connection(), refused.error().withRef(command.ref()));
            }
            appended = ((RoomPublication.Outcome.Stored) outcome).appended();
        } catch (RuntimeException e) {
            return replies.internal(command.connection(), "store the message in room " + room, command.ref(), e);
        }
        RoomMessage message = appended.message();
        LOG.debug("{} message {} of {} in room {} under seq {}", appended.duplicate() ? "a retry of" : "stored",
                message.id(), command.connection(), room, message.seq());
        try {
            DeliveryOutcome ack = replies.send(command.connection(),
                    replies.renderer().ack(room, message.id(), message.seq(), command.ref()));
            BroadcastReport delivery = publication.deliver(appended, command.connection());
            return new RoomResult.Published(message, appended.duplicate(), ack, delivery);
        } catch (RuntimeException e) {
            // stored: the members read it in the history, and the publisher's retry is acked with its seq
            return replies.internal(command.connection(), "deliver message " + message.id() + " (stored under seq "
                    + message.seq() + ")", command.ref(), e);
        }
    }
}
