package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;

/**
 * $default: answers the caller with how to use the chat and its connection info (the tutorial's Default function).
 * Only wiring: the behaviour is the library's, the clients are the container's.
 */
public final class DefaultHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final WebSocketEventAdapter adapter;

    /** Used by Lambda: the container's {@link ChatApplication}, built once from the environment. */
    public DefaultHandler() {
        this(ChatApplication.instance());
    }

    DefaultHandler(ChatApplication application) {
        this.adapter = application.adapter();
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return adapter.onDefault(event, context);
    }
}
