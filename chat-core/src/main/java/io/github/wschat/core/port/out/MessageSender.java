package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Reaches connected clients: sends them text (on AWS, {@code PostToConnection} of the
 * {@code @connections} API). Asking what the gateway knows of a connection is the
 * {@link ConnectionInfoQuery}'s.
 *
 * <p>Implementations are thread-safe. {@link #send} reports every per-recipient problem as a
 * {@link DeliveryOutcome} (gone, throttled, too large, I/O error) and does not throw for it.
 */
public interface MessageSender {

    /** Sends {@code payload} to one connection and says what happened. */
    DeliveryOutcome send(ConnectionId recipient, MessagePayload payload);

    /**
     * Sends without blocking the caller. The default runs {@link #send} on {@code executor}, the
     * bounded executor of the broadcast; a sender with non-blocking I/O overrides it and may ignore
     * the executor. The returned stage completes with an outcome; it completes exceptionally only for
     * a bug, which the broadcast counts as a failure of that recipient.
     */
    default CompletionStage<DeliveryOutcome> sendAsync(ConnectionId recipient, MessagePayload payload, Executor executor) {
        return CompletableFuture.supplyAsync(() -> send(recipient, payload), executor);
    }
}
