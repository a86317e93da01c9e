package io.github.wschat.core.domain;

import java.util.Objects;

/**
 * Why a client's message was refused, in words meant for that client.
 *
 * @param reason      the kind of problem, stable for programs
 * @param description what was wrong, for people: "message is empty", "body is not JSON", …
 */
public record MessageRejection(Reason reason, String description) {

    /** The kinds of bad input the chat answers. */
    public enum Reason {
        /** The message text is missing or empty. */
        EMPTY_MESSAGE,
        /** The message is larger than the {@link PayloadLimit}. */
        MESSAGE_TOO_LARGE,
        /** The request around the message is malformed: not JSON, no {@code message}, wrong type. */
        MALFORMED_REQUEST
    }

    public MessageRejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new IllegalArgumentException("a rejection must say what was wrong");
        }
    }

    public static MessageRejection of(Reason reason, String description) {
        return new MessageRejection(reason, description);
    }

    public static MessageRejection malformed(String description) {
        return new MessageRejection(Reason.MALFORMED_REQUEST, description);
    }
}
