package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.ServerResult;

import java.util.List;

/**
 * {@code GET /rooms/{room}/members} (PROTOCOL §7): the room's users by user id, each with its number of
 * connections in the room, as a member's {@code members} gets them, for a caller the room policy lets in, or a
 * backend; else {@code forbidden}.
 */
public interface ListMembersUseCase {

    /** Never throws for a failing store: that is a {@link ServerResult.Refused} with {@code internal}. */
    ServerResult<List<RoomMember>> list(ListMembersCommand command);
}
