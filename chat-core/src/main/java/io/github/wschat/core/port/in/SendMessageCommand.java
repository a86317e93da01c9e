package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;

import java.util.Objects;

/**
 * A client sent a {@code sendmessage} request: its body, still to be read and judged.
 *
 * @param sender who sent it; it does not receive its own message, and it is told what was wrong
 * @param user   the user speaking on {@code sender}'s connection, required; the tutorial's
 *               {@code sendmessage} sends the raw text and does not show it
 * @param body   the request's text as the client sent it; {@code null} (no body) becomes empty, which
 *               is answered as bad input rather than refused here
 */
public record SendMessageCommand(ConnectionId sender, UserIdentity user, String body) {

    public SendMessageCommand {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(user, "user");
        body = body == null ? "" : body;
    }
}
