package io.github.wschat.core.domain;

import java.util.Objects;

/**
 * What a {@code sendmessage} body held: the message text, or why it could not be read. Produced by
 * a {@link io.github.wschat.core.port.out.MessageBodyParser}; judged, with the rest of the message,
 * by the send-message use case.
 */
public sealed interface SendMessageBody {

    /** A well-formed body; {@code text} is the {@code message} field, still to be checked for size. */
    record Message(String text) implements SendMessageBody {
        public Message {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A body that is not what the protocol asks for; {@code rejection} says what was wrong. */
    record Malformed(MessageRejection rejection) implements SendMessageBody {
        public Malformed {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
