package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;

import java.util.Objects;

/**
 * A message matched no route ({@code $default}); the caller gets told how to use the chat.
 *
 * @param caller the connection to answer
 * @param user   the user speaking on it, required; the tutorial's answer does not show it
 */
public record DefaultRouteCommand(ConnectionId caller, UserIdentity user) {

    public DefaultRouteCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(user, "user");
    }
}
