package io.github.wschat.local.internal;

import io.github.wschat.testkit.connections.ConnectionInfo;
import io.github.wschat.testkit.connections.LiveConnections;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The open WebSocket connections, as the {@code @connections} API reaches them: a {@code POST} is one text
 * message, answered once its frames are written (429 while the client's outbound buffer is full), a
 * {@code DELETE} closes with 1000 "Connection deleted". Connections not open yet or closing are gone.
 */
final class GatewayConnections implements LiveConnections {

    private final ConnectionRegistry registry;

    GatewayConnections(ConnectionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CompletionStage<Delivery> post(String connectionId, byte[] data) {
        Optional<LocalConnection> found = reachable(connectionId);
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(Delivery.GONE);
        }
        LocalConnection connection = found.get();
        if (!connection.channel().isWritable()) {
            return CompletableFuture.completedFuture(Delivery.THROTTLED);
        }
        CompletableFuture<Delivery> sent = new CompletableFuture<>();
        connection.sendText(new String(data, StandardCharsets.UTF_8)).addListener(
                written -> sent.complete(written.isSuccess() ? Delivery.DELIVERED : Delivery.GONE));
        return sent;
    }

    @Override
    public Optional<ConnectionInfo> describe(String connectionId) {
        return reachable(connectionId).map(connection -> new ConnectionInfo(
                Instant.ofEpochMilli(connection.connectedAt()), Instant.ofEpochMilli(connection.lastActiveAt()),
                connection.sourceIp(), connection.userAgent()));
    }

    @Override
    public boolean delete(String connectionId) {
        Optional<LocalConnection> found = reachable(connectionId);
        found.ifPresent(connection -> connection.closeWith(1000, "Connection deleted"));
        return found.isPresent();
    }

    private Optional<LocalConnection> reachable(String connectionId) {
        return registry.find(connectionId).filter(LocalConnection::isReachable);
    }
}
