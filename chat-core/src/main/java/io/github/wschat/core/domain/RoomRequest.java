package io.github.wschat.core.domain;

import java.util.Objects;

/**
 * What the body of a room command held (PROTOCOL §3–5), as a
 * {@link io.github.wschat.core.port.out.RoomRequestParser} reads it: one of the five commands, its
 * fields checked, or {@link Invalid} with the {@code bad_request} error to answer.
 *
 * <p>Every command may carry a {@code ref}, at most {@value #MAX_REF_LENGTH} characters, echoed in the
 * reply; {@code null} when the body had none. The message text of {@link Publish} is checked for size
 * by the publish use case ({@link TextLimit}), not here.
 */
public sealed interface RoomRequest {

    /** The longest {@code ref} a command may carry. */
    int MAX_REF_LENGTH = 64;

    /** {@code after} when the body has none. */
    long DEFAULT_AFTER = 0;
    /** {@code limit} when the body has none: a page of history holds at most 100 messages. */
    int DEFAULT_LIMIT = 100;
    /** The largest {@code limit} of a history request. */
    int MAX_LIMIT = 100;

    /** The command's {@code ref}, {@code null} when it had none. */
    String ref();

    /** Whether {@code ref} may be a command's ref: absent ({@code null}) or at most {@value #MAX_REF_LENGTH} characters. */
    static boolean isValidRef(String ref) {
        return ref == null || ref.length() <= MAX_REF_LENGTH;
    }

    /** {@code ref}, when {@link #isValidRef valid}. */
    static String requireValidRef(String ref) {
        if (!isValidRef(ref)) {
            throw new IllegalArgumentException("a ref has at most " + MAX_REF_LENGTH + " characters, has " + ref.length());
        }
        return ref;
    }

    /** {@code {"action":"join","room":R}}. */
    record Join(RoomName room, String ref) implements RoomRequest {
        public Join {
            Objects.requireNonNull(room, "room");
            requireValidRef(ref);
        }
    }

    /** {@code {"action":"leave","room":R}}. */
    record Leave(RoomName room, String ref) implements RoomRequest {
        public Leave {
            Objects.requireNonNull(room, "room");
            requireValidRef(ref);
        }
    }

    /** {@code {"action":"members","room":R}}. */
    record Members(RoomName room, String ref) implements RoomRequest {
        public Members {
            Objects.requireNonNull(room, "room");
            requireValidRef(ref);
        }
    }

    /** {@code {"action":"publish","room":R,"id":ID,"text":T}}; {@code text} is a string, possibly empty or too long. */
    record Publish(RoomName room, MessageId id, String text, String ref) implements RoomRequest {
        public Publish {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            requireValidRef(ref);
        }
    }

    /**
     * {@code {"action":"history","room":R,"after":N,"limit":L}}; {@code after} ≥ 0 (default
     * {@value #DEFAULT_AFTER}), {@code limit} 1 to {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}).
     */
    record History(RoomName room, long after, int limit, String ref) implements RoomRequest {
        public History {
            Objects.requireNonNull(room, "room");
            requireValidHistoryRange(after, limit);
            requireValidRef(ref);
        }
    }

    /** A body that is not a room command the protocol knows; {@code error} is what to answer, with the ref when it could be read. */
    record Invalid(ChatError error) implements RoomRequest {
        public Invalid {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String ref() {
            return error.ref();
        }
    }

    /** Checks a history request's {@code after} and {@code limit}. */
    static void requireValidHistoryRange(long after, int limit) {
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative, is " + after);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", is " + limit);
        }
    }
}
