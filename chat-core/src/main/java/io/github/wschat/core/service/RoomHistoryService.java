package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.PayloadLimit;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.port.in.RoomHistoryCommand;
import io.github.wschat.core.port.in.RoomHistoryUseCase;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.RoomMembership;

import java.util.Objects;

/**
 * Answers a member a page of its room's log, after the seq it asks from: at most the messages whose reply
 * fits the {@link PayloadLimit} (API Gateway's 128 KB), fewer than asked with {@code more} when they do not
 * all fit, so that a client paging on gets every one (publish refuses a message that would not fit alone).
 */
final class RoomHistoryService implements RoomHistoryUseCase {

    private final RoomMembership membership;
    private final MessageLog log;
    private final RoomReplies replies;
    private final HistoryFitting fitting;

    RoomHistoryService(RoomMembership membership, MessageLog log, RoomReplies replies, HistoryFitting fitting) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.log = Objects.requireNonNull(log, "log");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.fitting = Objects.requireNonNull(fitting, "fitting");
    }

    @Override
    public RoomResult history(RoomHistoryCommand command) {
        RoomName room = command.room();
        try {
            if (!membership.isMember(room, command.connection())) {
                return replies.notMember(command.connection(), room, command.ref());
            }
            HistoryPage page = log.read(room, command.after(), command.limit());
            return new RoomResult.Done(replies.send(command.connection(), fitting.fit(room, page, command.ref()).reply()),
                    BroadcastReport.none());
        } catch (RuntimeException e) {
            return replies.internal(command.connection(), "read the history of room " + room, command.ref(), e);
        }
    }
}
