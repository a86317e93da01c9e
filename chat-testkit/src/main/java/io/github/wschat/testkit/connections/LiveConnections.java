package io.github.wschat.testkit.connections;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The connections a {@link ConnectionsProtocol} reaches: the ones a test registered
 * ({@link LoopbackConnectionsApi}), or a server's live WebSocket connections. Called once the call is
 * valid and no fault answered it; may be called on any thread.
 */
public interface LiveConnections {

    /** What became of a {@code POST}. */
    enum Delivery {
        /** Sent to the client: 200. */
        DELIVERED,
        /** No such connection, or it is closing: 410 {@code GoneException}. */
        GONE,
        /** The client's outbound buffer is full: 429 {@code LimitExceededException}. */
        THROTTLED
    }

    /** Sends {@code data} to the connection as one text message; completes once it is sent, or not. */
    CompletionStage<Delivery> post(String connectionId, byte[] data);

    /** The connection's description, or empty if there is no such connection (410). */
    Optional<ConnectionInfo> describe(String connectionId);

    /** Closes the connection; false if there was none (410). */
    boolean delete(String connectionId);
}
