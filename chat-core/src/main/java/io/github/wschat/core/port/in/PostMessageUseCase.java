package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.PostedMessage;
import io.github.wschat.core.domain.ServerResult;

/**
 * {@code POST /rooms/{room}/messages} (PROTOCOL §7): a {@code publish} without a connection. Allowed when the
 * room policy lets the caller into the room, or for a backend ({@code wschat:server}), else {@code forbidden};
 * the text judged as a publish's ({@code bad_request} when empty, {@code too_large} over the text limit or when
 * its event would not fit the payload limit), <b>stored first</b> under the room's next seq, then delivered as
 * the same {@code message} event to every connection in the room, {@code from} the caller. An id the room has
 * already answers its first seq, and nothing is stored or delivered.
 */
public interface PostMessageUseCase {

    /** Never throws for the caller's mistakes nor for a failing store: those are a {@link ServerResult.Refused}. */
    ServerResult<PostedMessage> post(PostMessageCommand command);
}
