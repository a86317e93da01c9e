package io.github.wschat.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sample events of {@code shared/events} (copied to {@code src/test/resources/events}), read with
 * the Lambda runtime's own serializer, so tests see the event objects a deployed function sees.
 */
public final class LambdaEvents {

    private static final PojoSerializer<APIGatewayV2WebSocketEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2WebSocketEvent.class, LambdaEvents.class.getClassLoader());

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
        try (InputStream json = LambdaEvents.class.getResourceAsStream("/events/" + file)) {
            if (json == null) {
                throw new IllegalArgumentException("no event file " + file);
            }
            APIGatewayV2WebSocketEvent event = SERIALIZER.fromJson(json);
            event.getRequestContext().setConnectionId(connectionId);
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
