package io.github.wschat.core.domain;

import java.util.Objects;

/** One recipient a broadcast could not reach, and why. */
public record RecipientFailure(ConnectionId recipient, String reason) {

    public RecipientFailure {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(reason, "reason");
    }
}
