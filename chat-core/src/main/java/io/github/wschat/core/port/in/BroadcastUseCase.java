package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.BroadcastResult;

/**
 * {@code sendmessage}: send a message to every stored connection except the sender. Gone recipients
 * are removed from the store; a failing recipient never stops the others. An empty or oversized
 * message is answered to its sender with what was wrong and sent to nobody.
 */
public interface BroadcastUseCase {

    /**
     * @return a {@link io.github.wschat.core.domain.BroadcastReport} of what was delivered, or a
     *         {@link io.github.wschat.core.domain.BroadcastRejected} when the message was refused
     * @throws io.github.wschat.core.port.out.ConnectionStoreException when the store cannot be read
     */
    BroadcastResult broadcast(BroadcastCommand command);
}
