package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.port.in.RoomMembersCommand;
import io.github.wschat.core.port.in.RoomMembersUseCase;
import io.github.wschat.core.port.out.RoomMembership;

import java.util.Objects;

/** Lists a room's users to a member, by user id, each with its number of connections in the room. */
final class RoomMembersService implements RoomMembersUseCase {

    private final RoomMembership membership;
    private final RoomReplies replies;
    private final RoomRoster roster;

    RoomMembersService(RoomMembership membership, RoomReplies replies, RoomRoster roster) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.roster = Objects.requireNonNull(roster, "roster");
    }

    @Override
    public RoomResult members(RoomMembersCommand command) {
        RoomName room = command.room();
        try {
            if (!membership.isMember(room, command.connection())) {
                return replies.notMember(command.connection(), room, command.ref());
            }
            return new RoomResult.Done(replies.send(command.connection(),
                    replies.renderer().members(room, roster.members(room), command.ref())), BroadcastReport.none());
        } catch (RuntimeException e) {
            return replies.internal(command.connection(), "list the members of room " + room, command.ref(), e);
        }
    }
}
