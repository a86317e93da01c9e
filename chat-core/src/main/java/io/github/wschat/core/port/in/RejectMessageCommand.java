package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.MessageRejection;

import java.util.Objects;

/** A client's message was refused; tell that client why. */
public record RejectMessageCommand(ConnectionId sender, MessageRejection rejection) {

    public RejectMessageCommand {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(rejection, "rejection");
    }
}
