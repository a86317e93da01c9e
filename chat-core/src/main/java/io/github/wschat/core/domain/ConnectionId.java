package io.github.wschat.core.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id API Gateway gives a WebSocket connection, such as {@code Bq3xkcNyoAMCJpQ=}.
 *
 * <p>The id ends up in a URL path ({@code /@connections/{id}}), so only the characters API Gateway
 * uses are accepted: letters, digits, {@code _ - + =}. A {@code /}, a {@code .} or anything else that
 * could change the meaning of a path is rejected here, before any adapter sees it.
 */
public record ConnectionId(String value) {

    /** Far longer than API Gateway's ids; a bound keeps stores and logs safe from abuse. */
    public static final int MAX_LENGTH = 128;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_+=-]+");

    public ConnectionId {
        Objects.requireNonNull(value, "connection id must not be null");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "connection id must have 1 to " + MAX_LENGTH + " characters, has " + value.length());
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "connection id may hold only letters, digits and _ - + =: " + printable(value));
        }
    }

    public static ConnectionId of(String value) {
        return new ConnectionId(value);
    }

    /** Whether {@code value} would make a valid id; for adapters that must answer rather than throw. */
    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && ALLOWED.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
