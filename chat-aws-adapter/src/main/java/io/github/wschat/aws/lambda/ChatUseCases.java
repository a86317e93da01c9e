package io.github.wschat.aws.lambda;

import io.github.wschat.core.port.in.ConnectUseCase;
import io.github.wschat.core.port.in.DefaultRouteUseCase;
import io.github.wschat.core.port.in.DisconnectUseCase;
import io.github.wschat.core.port.in.RejectMessageUseCase;
import io.github.wschat.core.port.in.RoomRequestUseCase;
import io.github.wschat.core.port.in.SendMessageUseCase;

import java.net.URI;

/**
 * The chat's use cases as the {@link WebSocketEventAdapter} reaches them. Connecting and
 * disconnecting only touch the store; the use cases that answer a client go through the
 * {@code @connections} endpoint of the API the event came through, which the adapter works out from
 * the event and passes in. {@code io.github.wschat.aws.ApiGatewayChat} implements it on the core's
 * services, one set per endpoint; a test may implement it with stubs.
 *
 * <p>Implementations are thread-safe and may make what an endpoint needs on its first use.
 */
public interface ChatUseCases {

    /** {@code $connect}. */
    ConnectUseCase connect();

    /** {@code $disconnect}. */
    DisconnectUseCase disconnect();

    /** {@code $default}, answered through {@code endpoint}. */
    DefaultRouteUseCase defaultRoute(URI endpoint);

    /** {@code sendmessage}: the body read, judged and broadcast through {@code endpoint}. */
    SendMessageUseCase sendMessage(URI endpoint);

    /** Bad requests the adapter finds itself (unknown route, binary body), answered through {@code endpoint}. */
    RejectMessageUseCase rejectMessage(URI endpoint);

    /** Whether this chat has rooms (PROTOCOL §3–5); without them the room routes are unknown routes. */
    default boolean hasRooms() {
        return false;
    }

    /**
     * {@code $disconnect} of a chat with rooms: the connection leaves every room it was in, and the rooms'
     * other members are told through {@code endpoint}. Without rooms, {@link #disconnect()}.
     */
    default DisconnectUseCase disconnect(URI endpoint) {
        return disconnect();
    }

    /**
     * A room command ({@code join}, {@code leave}, {@code members}, {@code publish}, {@code history}): read,
     * run and answered through {@code endpoint}.
     *
     * @throws IllegalStateException if the chat has no rooms ({@link #hasRooms()})
     */
    default RoomRequestUseCase roomRequest(URI endpoint) {
        throw new IllegalStateException("this chat has no rooms");
    }
}
