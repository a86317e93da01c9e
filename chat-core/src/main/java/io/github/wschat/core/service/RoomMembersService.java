package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.in.RoomMembersCommand;
import io.github.wschat.core.port.in.RoomMembersUseCase;
import io.github.wschat.core.port.out.MembershipPage;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.port.out.RoomMembership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Lists a room's users to a member, by user id, each with its number of connections in the room. */
final class RoomMembersService implements RoomMembersUseCase {

    private final RoomMembership membership;
    private final RoomReplies replies;
    private final int pageSize;

    RoomMembersService(RoomMembership membership, RoomReplies replies, int pageSize) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.pageSize = pageSize;
    }

    @Override
    public RoomResult members(RoomMembersCommand command) {
        RoomName room = command.room();
        try {
            if (!membership.isMember(room, command.connection())) {
                return replies.notMember(command.connection(), room, command.ref());
            }
            List<RoomMember> members = members(room);
            return new RoomResult.Done(replies.send(command.connection(),
                    replies.renderer().members(room, members, command.ref())), BroadcastReport.none());
        } catch (RuntimeException e) {
            return replies.internal(command.connection(), "list the members of room " + room, command.ref(), e);
        }
    }

    private List<RoomMember> members(RoomName room) {
        Map<String, UserRef> users = new TreeMap<>();
        Map<String, Integer> connections = new TreeMap<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            MembershipPage page = membership.members(room, request);
            for (Membership member : page.memberships()) {
                users.putIfAbsent(member.user().userId(), member.user());
                connections.merge(member.user().userId(), 1, Integer::sum);
            }
            if (page.next().isEmpty()) {
                break;
            }
            request = request.after(page.next().get());
        }
        List<RoomMember> members = new ArrayList<>(users.size());
        users.forEach((userId, user) -> members.add(new RoomMember(user, connections.get(userId))));
        return members;
    }
}
