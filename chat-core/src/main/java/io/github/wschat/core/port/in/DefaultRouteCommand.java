package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;

import java.util.Objects;

/** A message matched no route ({@code $default}); the caller gets told how to use the chat. */
public record DefaultRouteCommand(ConnectionId caller) {

    public DefaultRouteCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
