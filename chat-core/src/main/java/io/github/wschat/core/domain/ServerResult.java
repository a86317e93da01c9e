package io.github.wschat.core.domain;

import java.util.Objects;

/**
 * What a use case of the server API (PROTOCOL §7) answers: its value, or the error refusing the call. No
 * connection is answered: the HTTP layer renders either one.
 *
 * @param <T> the value of a call that succeeded
 */
public sealed interface ServerResult<T> {

    static <T> ServerResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> ServerResult<T> refused(ChatError error) {
        return new Refused<>(error);
    }

    /** The call succeeded. */
    record Ok<T>(T value) implements ServerResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Refused, or failed: nothing stored, nobody told; {@code error.code()} says which. */
    record Refused<T>(ChatError error) implements ServerResult<T> {
        public Refused {
            Objects.requireNonNull(error, "error");
        }
    }
}
