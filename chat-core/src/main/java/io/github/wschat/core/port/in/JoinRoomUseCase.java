package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.RoomResult;

/**
 * {@code join} (PROTOCOL §3): the room policy lets the user in or the caller gets {@code forbidden};
 * a new member gets {@code joined} with the room's {@code lastSeq} and the room's other connections a
 * {@code presence} {@code join} when it is the user's first connection there; a connection already in
 * the room gets {@code joined} again and nobody is told.
 */
public interface JoinRoomUseCase {

    /**
     * Never throws for the caller's mistakes nor for a failing store: those are answered to the
     * caller as an {@code error} event and returned as {@link RoomResult.Refused}.
     */
    RoomResult join(JoinRoomCommand command);
}
