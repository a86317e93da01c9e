package io.github.wschat.core.service;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.port.out.MessageSender;

/** Sending that turns a sender's unexpected exception into a failed outcome, so one recipient never breaks a use case. */
final class Deliveries {

    private Deliveries() {
    }

    static DeliveryOutcome sendIsolated(MessageSender sender, ConnectionId recipient, MessagePayload payload) {
        try {
            DeliveryOutcome outcome = sender.send(recipient, payload);
            return outcome != null ? outcome : DeliveryOutcome.failed("sender returned no outcome");
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    static DeliveryOutcome failure(Throwable error) {
        String message = error.getMessage();
        return DeliveryOutcome.failed(error.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
