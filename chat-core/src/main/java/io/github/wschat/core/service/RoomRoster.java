package io.github.wschat.core.service;

import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.MembershipPage;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.port.out.RoomMembership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A room's users by user id, each with its number of connections in the room, read page by page: what the
 * WebSocket {@code members} and the server API's members list both answer.
 */
final class RoomRoster {

    private final RoomMembership membership;
    private final int pageSize;

    RoomRoster(RoomMembership membership, int pageSize) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.pageSize = pageSize;
    }

    /** The port's failures are thrown, as it throws them. */
    List<RoomMember> members(RoomName room) {
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
