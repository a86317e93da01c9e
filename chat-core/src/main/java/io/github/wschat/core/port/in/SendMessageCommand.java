package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;

import java.util.Objects;

/**
 * A client sent a {@code sendmessage} request: its body, still to be read and judged.
 *
 * @param sender who sent it; it does not receive its own message, and it is told what was wrong
 * @param body   the request's text as the client sent it; {@code null} (no body) becomes empty, which
 *               is answered as bad input rather than refused here
 */
public record SendMessageCommand(ConnectionId sender, String body) {

    public SendMessageCommand {
        Objects.requireNonNull(sender, "sender");
        body = body == null ? "" : body;
    }
}
