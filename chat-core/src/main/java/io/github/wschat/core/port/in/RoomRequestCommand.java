package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;

import java.util.Objects;

/**
 * A room command as it comes from the wire (routes {@code join}, {@code leave}, {@code members},
 * {@code publish}, {@code history}): its body, still to be read.
 *
 * @param connection the caller's connection
 * @param user       the user speaking on it
 * @param body       the request's text as the client sent it; {@code null} becomes empty, answered as
 *                   a {@code bad_request}
 */
public record RoomRequestCommand(ConnectionId connection, UserIdentity user, String body) {

    public RoomRequestCommand {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(user, "user");
        body = body == null ? "" : body;
    }
}
