package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;

/**
 * publish: stores a member's message under the room's next sequence number, acks it and sends it to the room's other connections (PROTOCOL §4).
 * Only wiring: the behaviour is the library's, the clients are the container's; a container whose settings
 * name no room tables answers it as an unknown route.
 */
public final class PublishHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final WebSocketEventAdapter adapter;

    /** Used by Lambda: the container's {@link ChatApplication}, built once from the environment. */
    public PublishHandler() {
        this(ChatApplication.instance());
    }

    PublishHandler(ChatApplication application) {
        this.adapter = application.adapter();
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return adapter.onRoomRequest(event, context);
    }
}
