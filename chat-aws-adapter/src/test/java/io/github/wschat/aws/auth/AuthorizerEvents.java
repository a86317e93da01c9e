package io.github.wschat.aws.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code events/authorizer-connect.json}, a WebSocket API's REQUEST authorizer event for {@code $connect} as
 * API Gateway sends it, read with the Lambda runtime's own serializer, its {@code token} query parameter set.
 */
public final class AuthorizerEvents {

    /** The event's {@code methodArn}: the {@code $connect} route of stage {@code production} of API {@code abcdef1234}. */
    public static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/production/$connect";

    private static final PojoSerializer<APIGatewayCustomAuthorizerEvent> SERIALIZER = LambdaEventSerializers
            .serializerFor(APIGatewayCustomAuthorizerEvent.class, AuthorizerEvents.class.getClassLoader());

    private AuthorizerEvents() {
    }

    /** The event with {@code ?token=} the given token; null for an event without query parameters. */
    public static APIGatewayCustomAuthorizerEvent connect(String token) {
        APIGatewayCustomAuthorizerEvent event = load();
        if (token == null) {
            event.setQueryStringParameters(null);
        } else {
            Map<String, String> query = new HashMap<>(event.getQueryStringParameters());
            query.put(JwtAuthorizer.TOKEN_PARAMETER, token);
            event.setQueryStringParameters(query);
        }
        return event;
    }

    /** The event file as Lambda deserializes it. */
    public static APIGatewayCustomAuthorizerEvent load() {
        try (InputStream json = AuthorizerEvents.class.getResourceAsStream("/events/authorizer-connect.json")) {
            return SERIALIZER.fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
