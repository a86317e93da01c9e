package io.github.wschat.local.internal;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

import java.util.Objects;

/**
 * A route key and the Lambda handler behind it, as the server sees it.
 *
 * @param routeKey     the route key ({@code $connect}, {@code $default}, {@code sendmessage}…)
 * @param handler      the Lambda handler
 * @param twoWay       whether the handler's response body goes back to the client
 * @param functionName the function name the handler's context reports
 */
public record Integration(String routeKey,
                          RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler,
                          boolean twoWay,
                          String functionName) {

    public Integration {
        Objects.requireNonNull(routeKey, "routeKey");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(functionName, "functionName");
    }
}
