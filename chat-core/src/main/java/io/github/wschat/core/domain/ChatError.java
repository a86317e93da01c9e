package io.github.wschat.core.domain;

import java.util.Objects;

/**
 * The error answered to the caller of a room command, to it only (PROTOCOL §6):
 * {@code {"type":"error","code":C,"error":"…","ref":…}}.
 *
 * @param code        the kind of error, stable for programs
 * @param description what was wrong, for people; it never echoes a message's text
 * @param ref         the command's {@code ref}, echoed; {@code null} when the command had none (or its
 *                    {@code ref} was itself what was wrong), and then the event has no {@code ref}
 */
public record ChatError(ErrorCode code, String description, String ref) {

    public ChatError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new IllegalArgumentException("an error must say what was wrong");
        }
        RoomRequest.requireValidRef(ref);
    }

    /** An error without a ref; {@link #withRef} adds the command's. */
    public static ChatError of(ErrorCode code, String description) {
        return new ChatError(code, description, null);
    }

    public static ChatError badRequest(String description, String ref) {
        return new ChatError(ErrorCode.BAD_REQUEST, description, ref);
    }

    /** The same error answering the command of {@code ref}. */
    public ChatError withRef(String ref) {
        return new ChatError(code, description, ref);
    }
}
