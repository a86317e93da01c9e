package io.github.wschat.core.domain;

import java.util.Objects;

/**
 * A broadcast that did not run because the message was refused; the sender has been told why
 * (when it could be reached) and nobody else received anything.
 *
 * @param rejection     why the message was refused
 * @param senderAnswer  what happened to the error sent back to the sender
 */
public record BroadcastRejected(MessageRejection rejection, DeliveryOutcome senderAnswer) implements BroadcastResult {

    public BroadcastRejected {
        Objects.requireNonNull(rejection, "rejection");
        Objects.requireNonNull(senderAnswer, "senderAnswer");
    }
}
