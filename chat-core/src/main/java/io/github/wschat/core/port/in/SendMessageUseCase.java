package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.BroadcastResult;

/**
 * {@code sendmessage} from the wire: read the request's body, judge its message and broadcast it, in
 * one pass. A body that cannot be read (not JSON, no {@code message}, …) and an empty or oversized
 * message are answered to the sender with what was wrong and sent to nobody; anything else is
 * broadcast as {@link BroadcastUseCase} does.
 */
public interface SendMessageUseCase {

    /**
     * @return a {@link io.github.wschat.core.domain.BroadcastReport} of what was delivered, or a
     *         {@link io.github.wschat.core.domain.BroadcastRejected} when the message was refused
     * @throws io.github.wschat.core.port.out.ConnectionStoreException when the store cannot be read
     */
    BroadcastResult sendMessage(SendMessageCommand command);
}
