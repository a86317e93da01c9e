package io.github.wschat.core.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a room (PROTOCOL §1): 1 to {@value #MAX_LENGTH} characters of {@code A-Z a-z 0-9 _ - . :}.
 * A room whose name starts with {@value #PRIVATE_PREFIX} is {@linkplain #isPrivate() private}: the
 * default {@link io.github.wschat.core.port.out.RoomPolicy} lets in only users granted it.
 *
 * <pre>{@code
 * RoomName lobby = RoomName.of("lobby");
 * RoomName.isValid("no spaces");            // false: a parser answers bad_request instead of throwing
 * RoomName.of("private-team-a").isPrivate(); // true
 * }</pre>
 */
public record RoomName(String value) {

    public static final int MAX_LENGTH = 64;
    /** The prefix of private rooms. */
    public static final String PRIVATE_PREFIX = "private-";

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_LENGTH + "}");

    public RoomName {
        Objects.requireNonNull(value, "room name must not be null");
        if (!isValid(value)) {
            throw new IllegalArgumentException("a room name has 1 to " + MAX_LENGTH
                    + " characters of A-Z a-z 0-9 _ - . : " + Names.printable(value));
        }
    }

    public static RoomName of(String value) {
        return new RoomName(value);
    }

    /** Whether {@code value} is a room name; for parsers, which answer rather than throw. */
    public static boolean isValid(String value) {
        return value != null && ALLOWED.matcher(value).matches();
    }

    /** Whether the name starts with {@value #PRIVATE_PREFIX}. */
    public boolean isPrivate() {
        return value.startsWith(PRIVATE_PREFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
