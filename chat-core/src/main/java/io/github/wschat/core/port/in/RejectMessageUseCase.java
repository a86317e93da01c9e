package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.DeliveryOutcome;

/**
 * Answers bad input: sends its author an error saying what was wrong (rendered by the
 * {@link io.github.wschat.core.port.out.ReplyRenderer}, {@code {"error":"…"}} in JSON). Used by the
 * broadcast for empty and oversized messages, and by adapters for requests they cannot parse.
 */
public interface RejectMessageUseCase {

    /** @return what happened to the error message; never throws for an unreachable sender */
    DeliveryOutcome reject(RejectMessageCommand command);
}
