package io.github.wschat.core.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id a client gives a message it publishes (PROTOCOL §1, §4): 1 to {@value #MAX_LENGTH}
 * characters of {@code A-Z a-z 0-9 _ -}. A room's log stores a message once per id: publishing the
 * same id again in the same room (a retry after a lost ack) gets the first sequence number back.
 */
public record MessageId(String value) {

    public static final int MAX_LENGTH = 64;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    public MessageId {
        Objects.requireNonNull(value, "message id must not be null");
        if (!isValid(value)) {
            throw new IllegalArgumentException("a message id has 1 to " + MAX_LENGTH
                    + " characters of A-Z a-z 0-9 _ - " + Names.printable(value));
        }
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    /** Whether {@code value} is a message id; for parsers, which answer rather than throw. */
    public static boolean isValid(String value) {
        return value != null && ALLOWED.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
