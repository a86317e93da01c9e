package io.github.wschat.benchmarks.server;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.local.LocalWebSocketApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * (c), the machine's limit: the local gateway writes the message to every open connection but the sender
 * itself, through its in-process path ({@link LocalWebSocketApi#sendToConnection}), with no DynamoDB, no
 * {@code @connections} HTTP request, no SDK. The recipients are the gateway's own
 * {@link LocalWebSocketApi#connectionIds()}. Returns once every write has completed (at most a minute).
 */
final class GatewayPushHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final Supplier<LocalWebSocketApi> api;

    GatewayPushHandler(Supplier<LocalWebSocketApi> api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String message = messageOf(event.getBody());
        String sender = event.getRequestContext().getConnectionId();
        LocalWebSocketApi gateway = api.get();
        List<CompletableFuture<Boolean>> writes = new ArrayList<>();
        for (String id : gateway.connectionIds()) {
            if (!id.equals(sender)) {
                writes.add(gateway.sendToConnection(id, message));
            }
        }
        int written = 0;
        try {
            CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0])).get(1, TimeUnit.MINUTES);
            for (CompletableFuture<Boolean> write : writes) {
                written += write.join() ? 1 : 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the gateway did not finish writing", e);
        }
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(written == writes.size() ? 200 : 500);
        response.setBody(written + " of " + writes.size() + " written");
        return response;
    }

    private static String messageOf(String body) {
        try {
            return (String) JSON.std.mapFrom(body).get("message");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
