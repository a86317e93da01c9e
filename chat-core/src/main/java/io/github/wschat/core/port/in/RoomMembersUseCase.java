package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.RoomResult;

/**
 * {@code members} (PROTOCOL §3): a member gets the room's users, each with its number of connections in
 * the room; anyone else {@code not_member}.
 */
public interface RoomMembersUseCase {

    /**
     * Never throws for the caller's mistakes nor for a failing store: those are answered to the
     * caller as an {@code error} event and returned as {@link RoomResult.Refused}.
     */
    RoomResult members(RoomMembersCommand command);
}
