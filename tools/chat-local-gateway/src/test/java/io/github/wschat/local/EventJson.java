package io.github.wschat.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Events as JSON: the emulator's, written by the Lambda runtime's own serializer (what a deployed
 * function's event is read from), and the real samples of {@code shared/events} (and
 * {@code authorizer-connect.json}, the WebSocket REQUEST authorizer input of the API Gateway developer guide's
 * example, ids made up as in the others).
 */
final class EventJson {

    private static final PojoSerializer<APIGatewayV2WebSocketEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2WebSocketEvent.class, EventJson.class.getClassLoader());

    private static final PojoSerializer<APIGatewayCustomAuthorizerEvent> AUTHORIZER_SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayCustomAuthorizerEvent.class, EventJson.class.getClassLoader());

    private EventJson() {
    }

    /** The event as Lambda would write it, with null values left out (absent keys in the real JSON). */
    static Map<String, Object> of(APIGatewayV2WebSocketEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SERIALIZER.toJson(event, out);
        return withoutNulls(JSON.std.mapFrom(out.toString(StandardCharsets.UTF_8)));
    }

    /**
     * A REQUEST authorizer's event as Lambda would write it (null values left out), and
     * {@link #sampleAsAuthorizerEvent} the sample as a Java authorizer gets it: read into the class, which
     * drops what it does not model, then written.
     */
    static Map<String, Object> of(APIGatewayCustomAuthorizerEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AUTHORIZER_SERIALIZER.toJson(event, out);
        return withoutNulls(JSON.std.mapFrom(out.toString(StandardCharsets.UTF_8)));
    }

    /** The sample authorizer event as {@code APIGatewayCustomAuthorizerEvent} holds it, written as Lambda would. */
    static Map<String, Object> sampleAsAuthorizerEvent(String file) throws IOException {
        try (InputStream in = EventJson.class.getResourceAsStream("/events/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample event " + file);
            }
            return of(AUTHORIZER_SERIALIZER.fromJson(in));
        }
    }

    /** A sample event of {@code src/test/resources/events} (copied from {@code shared/events}). */
    static Map<String, Object> sample(String file) throws IOException {
        try (InputStream in = EventJson.class.getResourceAsStream("/events/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample event " + file);
            }
            return JSON.std.mapFrom(in);
        }
    }

    /** The keys of a JSON object and of the named nested objects, as paths: {@code requestContext.identity.sourceIp}. */
    static TreeSet<String> keyPaths(Map<String, Object> json, String... nestedObjects) {
        TreeSet<String> paths = new TreeSet<>();
        collect("", json, paths, java.util.Set.of(nestedObjects));
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static void collect(String prefix, Map<String, Object> json, TreeSet<String> paths,
                                java.util.Set<String> nested) {
        for (Map.Entry<String, Object> entry : json.entrySet()) {
            String path = prefix + entry.getKey();
            paths.add(path);
            if (entry.getValue() instanceof Map && nested.contains(path)) {
                collect(path + ".", (Map<String, Object>) entry.getValue(), paths, nested);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutNulls(Map<String, Object> json) {
        Map<String, Object> copy = new TreeMap<>();
        json.forEach((key, value) -> {
            if (value instanceof Map) {
                copy.put(key, withoutNulls((Map<String, Object>) value));
            } else if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
