package io.github.wschat.core.domain;

import java.util.Optional;

/**
 * The largest message, in UTF-8 bytes, the chat accepts and forwards.
 *
 * <p>The default is API Gateway's: a WebSocket message and a {@code PostToConnection} body are both
 * limited to 128 KB. A smaller limit is useful to keep fan-out cheap.
 */
public record PayloadLimit(int maxBytes) {

    /** API Gateway's limit for a WebSocket message and for {@code PostToConnection} data: 128 KB. */
    public static final PayloadLimit API_GATEWAY = new PayloadLimit(128 * 1024);

    public PayloadLimit {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, is " + maxBytes);
        }
    }

    public static PayloadLimit ofBytes(int maxBytes) {
        return new PayloadLimit(maxBytes);
    }

    /** Whether {@code text} is at most {@link #maxBytes()} bytes of UTF-8. */
    public boolean fits(String text) {
        return MessagePayload.utf8LengthOver(text, maxBytes) < 0;
    }

    /**
     * Checks a message's text against the limit.
     *
     * @return the reason the message is refused, or empty when it may be sent
     */
    public Optional<MessageRejection> check(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of(MessageRejection.of(MessageRejection.Reason.EMPTY_MESSAGE, "message is empty"));
        }
        int bytes = MessagePayload.utf8LengthOver(text, maxBytes);
        if (bytes > 0) {
            return Optional.of(MessageRejection.of(MessageRejection.Reason.MESSAGE_TOO_LARGE,
                    "message is " + bytes + " bytes, more than the limit of " + maxBytes + " bytes"));
        }
        return Optional.empty();
    }
}
