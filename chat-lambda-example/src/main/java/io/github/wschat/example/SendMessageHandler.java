package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;

/**
 * sendmessage: sends the body's message to every other connection (the tutorial's SendMessage function), paging through the whole table, removing gone connections and answering bad input.
 * Only wiring: the behaviour is the library's, the clients are the container's.
 */
public final class SendMessageHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final WebSocketEventAdapter adapter;

    /** Used by Lambda: the container's {@link ChatApplication}, built once from the environment. */
    public SendMessageHandler() {
        this(ChatApplication.instance());
    }

    SendMessageHandler(ChatApplication application) {
        this.adapter = application.adapter();
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return adapter.onSendMessage(event, context);
    }
}
