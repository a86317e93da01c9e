package io.github.wschat.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

import java.util.Objects;
import java.util.Set;

/**
 * One route of a {@link LocalWebSocketApi}: a route key and the Lambda handler integrated with it.
 *
 * <p>Route keys are {@code $connect}, {@code $disconnect}, {@code $default}, or a custom key that the
 * route selection expression yields (e.g. {@code sendmessage}); keys starting with {@code $} are reserved,
 * as in API Gateway. A <em>two-way</em> route has a route response ({@code RouteResponseSelectionExpression:
 * $default} in API Gateway): the body of the handler's response is sent back to the client. A one-way
 * route's response is dropped. The function name is what the handler sees in
 * {@code Context.getFunctionName()}.
 *
 * <pre>{@code
 * Route send = Route.oneWay("sendmessage", new SendMessageHandler()).withFunctionName("SendMessageFunction");
 * Route echo = Route.twoWay("$default", new EchoHandler());
 * }</pre>
 *
 * @param key          the route key
 * @param handler      the Lambda handler invoked for the route
 * @param twoWay       whether the handler's response body is sent back to the client
 * @param functionName the Lambda function name the handler's {@code Context} reports
 */
public record Route(String key,
                    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler,
                    boolean twoWay,
                    String functionName) {

    /** The route invoked when a client opens a connection; a non-2xx answer rejects the handshake. */
    public static final String CONNECT = "$connect";
    /** The route invoked when a connection is closed, by either side or by a timeout. */
    public static final String DISCONNECT = "$disconnect";
    /** The route of messages that match no other route. */
    public static final String DEFAULT = "$default";

    private static final Set<String> RESERVED = Set.of(CONNECT, DISCONNECT, DEFAULT);

    public Route {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(functionName, "functionName");
        if (key.isBlank()) {
            throw new IllegalArgumentException("route key is blank");
        }
        if (key.startsWith("$") && !RESERVED.contains(key)) {
            throw new IllegalArgumentException("route keys starting with $ are reserved: " + key
                    + " (use $connect, $disconnect, $default or a custom key)");
        }
        if (functionName.isBlank()) {
            throw new IllegalArgumentException("function name is blank");
        }
    }

    /** A route whose handler's response is not sent to the client (API Gateway's default). */
    public static Route oneWay(String key,
                               RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler) {
        return new Route(key, handler, false, defaultFunctionName(key));
    }

    /** A route with a route response: the body of the handler's response is sent back to the client. */
    public static Route twoWay(String key,
                               RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler) {
        return new Route(key, handler, true, defaultFunctionName(key));
    }

    /** This route, its handler reporting the given Lambda function name. */
    public Route withFunctionName(String name) {
        return new Route(key, handler, twoWay, name);
    }

    private static String defaultFunctionName(String key) {
        return "local-" + (key.startsWith("$") ? key.substring(1) : key);
    }
}
