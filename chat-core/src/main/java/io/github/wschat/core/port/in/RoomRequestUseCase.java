package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.RoomResult;

/**
 * A room command from the wire, in one pass: its body read by the
 * {@link io.github.wschat.core.port.out.RoomRequestParser}, then run by the use case of its action
 * ({@link JoinRoomUseCase}, {@link LeaveRoomUseCase}, {@link RoomMembersUseCase}, {@link PublishUseCase},
 * {@link RoomHistoryUseCase}); a body that cannot be read is answered {@code bad_request}, with its
 * {@code ref} when that could be read. What a Lambda handler of a room route calls.
 */
public interface RoomRequestUseCase {

    /**
     * Never throws for the caller's mistakes nor for a failing store: those are answered to the
     * caller as an {@code error} event and returned as {@link RoomResult.Refused}.
     */
    RoomResult handle(RoomRequestCommand command);
}
