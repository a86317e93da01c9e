package io.github.wschat.core.service;

import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.ServerResult;
import io.github.wschat.core.port.in.ListMembersCommand;
import io.github.wschat.core.port.in.ListMembersUseCase;

import java.util.List;
import java.util.Objects;

/** A room's users over the server API: the list a member's {@code members} gets. */
final class ListMembersService implements ListMembersUseCase {

    private final RoomAccess access;
    private final RoomRoster roster;

    ListMembersService(RoomAccess access, RoomRoster roster) {
        this.access = Objects.requireNonNull(access, "access");
        this.roster = Objects.requireNonNull(roster, "roster");
    }

    @Override
    public ServerResult<List<RoomMember>> list(ListMembersCommand command) {
        RoomName room = command.room();
        return access.call(command.caller(), room, "list the members of room " + room,
                () -> ServerResult.ok(roster.members(room)));
    }
}
