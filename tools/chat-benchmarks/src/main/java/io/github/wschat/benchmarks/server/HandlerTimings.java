package io.github.wschat.benchmarks.server;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.local.LocalWebSocketApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Server-side timing of handlers: how long each invocation of a timed route took (nanosecond clock,
 * reported in microseconds), and, for broadcast routes, a note to the caller once the handler returned.
 */
final class HandlerTimings {

    private final Map<String, Queue<Long>> micros = new ConcurrentHashMap<>();

    /** Records how long each invocation of {@code handler} takes under {@code route}. */
    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> timed(
            String route, RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler) {
        Queue<Long> samples = micros.computeIfAbsent(route, key -> new ConcurrentLinkedQueue<>());
        return (event, context) -> {
            long start = System.nanoTime();
            try {
                return handler.handleRequest(event, context);
            } finally {
                samples.add((System.nanoTime() - start) / 1_000);
            }
        };
    }

    /**
     * Sends the caller {@code benchdone <route> <status> <micros> <cpu micros>} through the gateway once
     * {@code handler} returned (status 500 if it threw): the driver's sign that the invocation ended, how long
     * it ran, and how much CPU time this whole server process (gateway, DynamoDB Local, handlers) used meanwhile.
     */
    static RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> notifying(
            String route, RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler,
            Supplier<LocalWebSocketApi> api) {
        return notifying(route, handler, api, () -> "");
    }

    /** As {@link #notifying(String, RequestHandler, Supplier)}, the note ending with {@code " " + extra.get()} when not empty. */
    static RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> notifying(
            String route, RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler,
            Supplier<LocalWebSocketApi> api, Supplier<String> extra) {
        return (event, context) -> {
            long start = System.nanoTime();
            long cpuStart = ProcessCpu.nanos();
            int status = 500;
            try {
                APIGatewayV2WebSocketResponse response = handler.handleRequest(event, context);
                status = response == null ? 200 : response.getStatusCode();
                return response;
            } finally {
                long took = (System.nanoTime() - start) / 1_000;
                long cpu = (ProcessCpu.nanos() - cpuStart) / 1_000;
                String more = extra.get();
                api.get().sendToConnection(event.getRequestContext().getConnectionId(),
                        Routes.DONE_PREFIX + route + " " + status + " " + took + " " + cpu + (more.isEmpty() ? "" : " " + more));
            }
        };
    }

    /** The two-way stats route: answers {@code {"$connect":[µs…],"$disconnect":[µs…]}} and forgets them. */
    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> statsRoute() {
        return (event, context) -> {
            Map<String, List<Long>> taken = new LinkedHashMap<>();
            micros.forEach((route, samples) -> {
                List<Long> drained = new ArrayList<>();
                for (Long sample = samples.poll(); sample != null; sample = samples.poll()) {
                    drained.add(sample);
                }
                taken.put(route, drained);
            });
            APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
            response.setStatusCode(200);
            try {
                response.setBody(JSON.std.asString(taken));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return response;
        };
    }
}
