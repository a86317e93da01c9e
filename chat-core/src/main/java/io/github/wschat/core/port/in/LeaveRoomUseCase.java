package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.RoomResult;

/**
 * {@code leave} (PROTOCOL §3): the caller gets {@code left} (also when it was not in the room), and
 * the room's other connections a {@code presence} {@code leave} when the user's last connection there went.
 */
public interface LeaveRoomUseCase {

    /**
     * Never throws for the caller's mistakes nor for a failing store: those are answered to the
     * caller as an {@code error} event and returned as {@link RoomResult.Refused}.
     */
    RoomResult leave(LeaveRoomCommand command);
}
