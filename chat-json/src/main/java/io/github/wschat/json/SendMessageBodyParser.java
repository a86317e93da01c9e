package io.github.wschat.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.domain.SendMessageBody;
import io.github.wschat.core.port.out.MessageBodyParser;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads the tutorial's {@code sendmessage} body, {@code {"action":"sendmessage","message":"hello"}},
 * with jackson-jr, and says clearly what is wrong with any other body: not JSON, not an object, no
 * {@code message}, a {@code message} that is not a string. Other fields are ignored. Error texts
 * never echo the body. Stateless and thread-safe. The core's {@link MessageBodyParser}: the
 * send-message use case reads every body with it, and judges the text it gives.
 *
 * <pre>{@code
 * ChatServices chat = ChatServices.builder() … .messageBodyParser(new SendMessageBodyParser()).build();
 * SendMessageBody body = new SendMessageBodyParser().parse(event.getBody()); // or on its own
 * }</pre>
 */
public final class SendMessageBodyParser implements MessageBodyParser {

    /** The field holding the text to broadcast. */
    public static final String MESSAGE_FIELD = "message";

    private final JSON json = JSON.std;

    @Override
    public SendMessageBody parse(String body) {
        if (body == null || body.isBlank()) {
            return malformed("body is empty: send {\"action\":\"sendmessage\",\"message\":\"…\"}");
        }
        Object root;
        try {
            root = readTree(body);
        } catch (IOException | RuntimeException e) {
            return malformed("body is not valid JSON: send {\"action\":\"sendmessage\",\"message\":\"…\"}");
        }
        if (!(root instanceof Map<?, ?> fields)) {
            return malformed("body must be a JSON object, was " + typeName(root));
        }
        if (!fields.containsKey(MESSAGE_FIELD)) {
            return malformed("body has no \"message\" field");
        }
        Object message = fields.get(MESSAGE_FIELD);
        if (!(message instanceof String text)) {
            return malformed("\"message\" must be a string, was " + typeName(message));
        }
        return new SendMessageBody.Message(text);
    }

    /** Reads exactly one JSON value; trailing content makes the body invalid. */
    private Object readTree(String body) throws IOException {
        try (JsonParser parser = json.getStreamingFactory().createParser(body)) {
            Object value = json.anyFrom(parser);
            if (parser.nextToken() != null) {
                throw new IOException("trailing content after the JSON value");
            }
            return value;
        }
    }

    private static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Number) {
            return "a number";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof List<?> || value.getClass().isArray()) {
            return "an array";
        } else if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return "a " + value.getClass().getSimpleName();
    }

    private static SendMessageBody malformed(String description) {
        return new SendMessageBody.Malformed(MessageRejection.malformed(description));
    }
}
