package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.RoomResult;

/**
 * {@code publish} (PROTOCOL §4): by a member (else {@code not_member}), a text within the
 * {@link io.github.wschat.core.domain.TextLimit} (else {@code bad_request} when empty, {@code too_large}),
 * <b>stored first</b> under the room's next seq, then acked to the publisher and delivered as a
 * {@code message} event to every other connection in the room, the same user's included. An id the room
 * has already is acked with its first seq, and nothing is stored or delivered.
 */
public interface PublishUseCase {

    /**
     * Never throws for the caller's mistakes nor for a failing store: those are answered to the
     * caller as an {@code error} event and returned as {@link RoomResult.Refused}.
     */
    RoomResult publish(PublishCommand command);
}
