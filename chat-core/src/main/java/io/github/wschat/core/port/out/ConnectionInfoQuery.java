package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;

import java.util.Optional;

/**
 * Asks the gateway what it knows of a connection ({@code GetConnection} of the {@code @connections}
 * API on AWS); the {@code $default} reply is made of it. Separate from {@link MessageSender}: a query
 * is not a send, and a sender need not answer it. Implementations are thread-safe.
 */
public interface ConnectionInfoQuery {

    /**
     * What the gateway knows of a connection.
     *
     * @return the info, or empty when the connection is gone
     * @throws MessageSenderException when the gateway cannot be asked
     */
    Optional<ConnectionInfo> connectionInfo(ConnectionId id);
}
