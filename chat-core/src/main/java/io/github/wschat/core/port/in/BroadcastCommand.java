package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;

import java.util.Objects;

/**
 * A client sent a message for everyone else ({@code sendmessage}).
 *
 * @param sender  who sent it; it does not receive its own message
 * @param message the text as the client sent it; an empty or oversized text is answered with an
 *                error rather than refused here, so that the sender learns what was wrong
 */
public record BroadcastCommand(ConnectionId sender, String message) {

    public BroadcastCommand {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(message, "message");
    }
}
