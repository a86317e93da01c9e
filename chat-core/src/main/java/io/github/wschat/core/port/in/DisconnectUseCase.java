package io.github.wschat.core.port.in;

/** {@code $disconnect}: forget a connection. Idempotent. */
public interface DisconnectUseCase {

    void disconnect(DisconnectCommand command);
}
