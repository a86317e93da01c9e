package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.port.in.RoomHistoryCommand;
import io.github.wschat.core.port.in.RoomHistoryUseCase;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.RoomMembership;

import java.util.Objects;

/** Answers a member a page of its room's log, after the seq it asks from. */
final class RoomHistoryService implements RoomHistoryUseCase {

    private final RoomMembership membership;
    private final MessageLog log;
    private final RoomReplies replies;

    RoomHistoryService(RoomMembership membership, MessageLog log, RoomReplies replies) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.log = Objects.requireNonNull(log, "log");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    @Override
    public RoomResult history(RoomHistoryCommand command) {
        RoomName room = command.room();
        try {
            if (!membership.isMember(room, command.connection())) {
                return replies.notMember(command.connection(), room, command.ref());
            }
            HistoryPage page = log.read(room, command.after(), command.limit());
            return new RoomResult.Done(replies.send(command.connection(),
                    replies.renderer().history(room, page, command.ref())), BroadcastReport.none());
        } catch (RuntimeException e) {
            return replies.internal(command.connection(), "read the history of room " + room, command.ref(), e);
        }
    }
}
