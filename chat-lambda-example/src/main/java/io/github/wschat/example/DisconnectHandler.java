package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;

/**
 * $disconnect: removes the connection from the table (the tutorial's OnDisconnect function).
 * Only wiring: the behaviour is the library's, the clients are the container's.
 */
public final class DisconnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final WebSocketEventAdapter adapter;

    /** Used by Lambda: the container's {@link ChatApplication}, built once from the environment. */
    public DisconnectHandler() {
        this(ChatApplication.instance());
    }

    DisconnectHandler(ChatApplication application) {
        this.adapter = application.adapter();
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return adapter.onDisconnect(event, context);
    }
}
