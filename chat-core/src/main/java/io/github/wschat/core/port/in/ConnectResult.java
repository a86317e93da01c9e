package io.github.wschat.core.port.in;

import java.util.Objects;

/**
 * Whether a connection was accepted. Today every well-formed connection is; the result exists so
 * that {@code $connect} authorization can refuse one without changing the use case's signature.
 *
 * @param isAccepted whether the handshake may complete
 * @param reason   why it was refused; empty when accepted
 */
public record ConnectResult(boolean isAccepted, String reason) {

    private static final ConnectResult ACCEPTED = new ConnectResult(true, "");

    public ConnectResult {
        Objects.requireNonNull(reason, "reason");
    }

    public static ConnectResult accept() {
        return ACCEPTED;
    }

    public static ConnectResult refuse(String reason) {
        return new ConnectResult(false, reason);
    }
}
