package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.RoomResult;

/**
 * {@code history} (PROTOCOL §5): a member gets the room's messages after {@code after}, seq ascending,
 * at most {@code limit}, with {@code lastSeq}, {@code more} and {@code truncated}; anyone else {@code not_member}.
 */
public interface RoomHistoryUseCase {

    /**
     * Never throws for the caller's mistakes nor for a failing store: those are answered to the
     * caller as an {@code error} event and returned as {@link RoomResult.Refused}.
     */
    RoomResult history(RoomHistoryCommand command);
}
