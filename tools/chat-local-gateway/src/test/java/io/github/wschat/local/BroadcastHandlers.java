package io.github.wschat.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The tutorial's chat in miniature, as test handlers: {@code $connect} puts the id in a table,
 * {@code $disconnect} removes it, {@code broadcast} posts the message to every other connection through
 * the emulator's own {@code @connections} API, as the real SendMessage function does through the SDK.
 */
final class BroadcastHandlers {

    private final Set<String> table = ConcurrentHashMap.newKeySet();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Supplier<URI> endpoint;

    /** @param endpoint the {@code @connections} endpoint, known once the API is started */
    BroadcastHandlers(Supplier<URI> endpoint) {
        this.endpoint = endpoint;
    }

    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> connect() {
        return (event, context) -> {
            table.add(event.getRequestContext().getConnectionId());
            return RecordingHandler.response(200, null);
        };
    }

    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> disconnect() {
        return (event, context) -> {
            table.remove(event.getRequestContext().getConnectionId());
            return RecordingHandler.response(200, null);
        };
    }

    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> broadcast() {
        return this::broadcast;
    }

    private APIGatewayV2WebSocketResponse broadcast(APIGatewayV2WebSocketEvent event, Context context) {
        String message = message(event.getBody());
        String sender = event.getRequestContext().getConnectionId();
        ConnectionsClient connections = new ConnectionsClient(endpoint.get());
        for (String id : table) {
            if (id.equals(sender)) {
                continue;
            }
            try {
                if (connections.post(id, message).statusCode() == 200) {
                    delivered.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
        return RecordingHandler.response(200, null);
    }

    Set<String> table() {
        return table;
    }

    int delivered() {
        return delivered.get();
    }

    int failed() {
        return failed.get();
    }

    private static String message(String body) {
        try {
            Map<String, Object> json = JSON.std.mapFrom(body);
            return String.valueOf(json.get("message"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
