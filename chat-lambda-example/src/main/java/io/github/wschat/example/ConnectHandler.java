package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;

/**
 * $connect: stores the connection in the table (the tutorial's OnConnect function).
 * Only wiring: the behaviour is the library's, the clients are the container's.
 */
public final class ConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final WebSocketEventAdapter adapter;

    /** Used by Lambda: the container's {@link ChatApplication}, built once from the environment. */
    public ConnectHandler() {
        this(ChatApplication.instance());
    }

    ConnectHandler(ChatApplication application) {
        this.adapter = application.adapter();
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return adapter.onConnect(event, context);
    }
}
