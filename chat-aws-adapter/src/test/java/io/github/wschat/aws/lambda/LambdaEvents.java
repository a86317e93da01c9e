package io.github.wschat.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sample events of {@code shared/events} (copied to {@code src/test/resources/events}), read with
 * the Lambda runtime's own serializer, so tests see the event objects a deployed function sees.
 */
public final class LambdaEvents {

    private static final PojoSerializer<APIGatewayV2WebSocketEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2WebSocketEvent.class, LambdaEvents.class.getClassLoader());

    private static final String REQUEST_CONTEXT = "\"requestContext\": {";

    private LambdaEvents() {
    }

    /** {@code events/connect.json} with the given connection id. */
    public static APIGatewayV2WebSocketEvent connect(String connectionId) {
        return load("connect.json", connectionId);
    }

    /** {@code events/disconnect.json} with the given connection id. */
    public static APIGatewayV2WebSocketEvent disconnect(String connectionId) {
        return load("disconnect.json", connectionId);
    }

    /** {@code events/message-default.json} from the given connection. */
    public static APIGatewayV2WebSocketEvent defaultMessage(String connectionId) {
        return load("message-default.json", connectionId);
    }

    /** {@code events/message-sendmessage.json} from the given connection, with the given raw body. */
    public static APIGatewayV2WebSocketEvent sendMessage(String connectionId, String body) {
        APIGatewayV2WebSocketEvent event = load("message-sendmessage.json", connectionId);
        event.setBody(body);
        return event;
    }

    /** {@code events/message-sendmessage.json} as it is: {@code {"action":"sendmessage","message":"hello, everyone!"}}. */
    public static APIGatewayV2WebSocketEvent sendMessage(String connectionId) {
        return load("message-sendmessage.json", connectionId);
    }

    /** An event file as Lambda would deserialize it, its connection id replaced. */
    public static APIGatewayV2WebSocketEvent load(String file, String connectionId) {
        return load(file, connectionId, null);
    }

    /**
     * An event file as Lambda would deserialize it when a REQUEST authorizer guards {@code $connect}:
     * {@code authorizerJson} (a JSON object, such as
     * {@code {"principalId":"user-1","userId":"user-1","integrationLatency":42}}) is its
     * {@code requestContext.authorizer}, read by the runtime's serializer like the rest of the event.
     */
    public static APIGatewayV2WebSocketEvent authorized(String file, String connectionId, String authorizerJson) {
        return load(file, connectionId, authorizerJson);
    }

    private static APIGatewayV2WebSocketEvent load(String file, String connectionId, String authorizerJson) {
        try (InputStream json = LambdaEvents.class.getResourceAsStream("/events/" + file)) {
            if (json == null) {
                throw new IllegalArgumentException("no event file " + file);
            }
            String text = new String(json.readAllBytes(), StandardCharsets.UTF_8);
            if (authorizerJson != null) {
                text = text.replace(REQUEST_CONTEXT, REQUEST_CONTEXT + "\n    \"authorizer\": " + authorizerJson + ",");
            }
            APIGatewayV2WebSocketEvent event = SERIALIZER.fromJson(text);
            event.getRequestContext().setConnectionId(connectionId);
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
