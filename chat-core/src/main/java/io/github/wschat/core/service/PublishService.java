package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.NewMessage;
import io.github.wschat.core.domain.PayloadLimit;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.TextLimit;
import io.github.wschat.core.port.in.PublishCommand;
import io.github.wschat.core.port.in.PublishUseCase;
import io.github.wschat.core.port.out.AppendResult;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.RoomMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishes to a room: a member's text within the {@link TextLimit} is stored first, under the room's
 * next seq, then acked to the publisher and sent to every other connection in the room. A retry of an
 * id the room has is acked with the first seq, and nothing is stored or delivered. The text is never
 * logged.
 */
final class PublishService implements PublishUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(PublishService.class);

    private final RoomMembership membership;
    private final MessageLog log;
    private final TextLimit textLimit;
    /** The ref that takes the most bytes in a reply: the longest, of characters JSON writes in 6 bytes. */
    private static final String WIDEST_REF = "\u0001".repeat(RoomRequest.MAX_REF_LENGTH);

    private final PayloadLimit payloadLimit;
    private final RoomReplies replies;
    private final RoomFanOut rooms;
    private final Clock clock;

    PublishService(RoomMembership membership, MessageLog log, TextLimit textLimit, PayloadLimit payloadLimit,
                   RoomReplies replies, RoomFanOut rooms, Clock clock) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.log = Objects.requireNonNull(log, "log");
        this.textLimit = Objects.requireNonNull(textLimit, "textLimit");
        this.payloadLimit = Objects.requireNonNull(payloadLimit, "payloadLimit");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RoomResult publish(PublishCommand command) {
        RoomName room = command.room();
        AppendResult appended;
        try {
            if (!membership.isMember(room, command.connection())) {
                return replies.notMember(command.connection(), room, command.ref());
            }
            Optional<ChatError> refused = textLimit.check(command.text());
            if (refused.isPresent()) {
                return replies.refuse(command.connection(), refused.get().withRef(command.ref()));
            }
            NewMessage message = new NewMessage(room, command.id(), command.user().ref(), command.text(), clock.instant());
            Optional<ChatError> undeliverable = undeliverable(message);
            if (undeliverable.isPresent()) {
                return replies.refuse(command.connection(), undeliverable.get().withRef(command.ref()));
            }
            appended = log.append(message);
        } catch (RuntimeException e) {
            return replies.internal(command.connection(), "store the message in room " + room, command.ref(), e);
        }
        RoomMessage message = appended.message();
        LOG.debug("{} message {} of {} in room {} under seq {}", appended.duplicate() ? "a retry of" : "stored",
                message.id(), command.connection(), room, message.seq());
        try {
            DeliveryOutcome ack = replies.send(command.connection(),
                    replies.renderer().ack(room, message.id(), message.seq(), command.ref()));
            BroadcastReport delivery = appended.duplicate()
                    ? BroadcastReport.none()
                    : rooms.toRoom(room, command.connection(), replies.renderer().message(message));
            return new RoomResult.Published(message, appended.duplicate(), ack, delivery);
        } catch (RuntimeException e) {
            // stored: the members read it in the history, and the publisher's retry is acked with its seq
            return replies.internal(command.connection(), "deliver message " + message.id() + " (stored under seq "
                    + message.seq() + ")", command.ref(), e);
        }
    }

    /**
     * A text within the {@link TextLimit} can still make a {@code message} event above the fan-out's
     * {@link PayloadLimit} (API Gateway's 128 KB), since the event's encoding may escape characters (JSON writes
     * a control character in 6 bytes) and adds the sender, seq and time: such a message would be stored and then
     * delivered to nobody, and no {@code history} reply could hold it. So the widest reply that will ever carry
     * it, a history page of this message alone with the widest seqs and ref, must fit, before anything is stored.
     */
    private Optional<ChatError> undeliverable(NewMessage message) {
        HistoryPage alone = new HistoryPage(List.of(RoomMessage.of(message, Long.MAX_VALUE)), Long.MAX_VALUE, true, true);
        if (payloadLimit.fits(replies.renderer().history(message.room(), alone, WIDEST_REF))) {
            return Optional.empty();
        }
        return Optional.of(ChatError.of(ErrorCode.TOO_LARGE, "text makes a message event of more than "
                + payloadLimit.maxBytes() + " bytes once encoded (control characters take 6 bytes each)"));
    }
}
