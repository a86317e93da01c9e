package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.port.out.PageCursor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a Query of a room's memberships goes on: after the membership of a connection, the sort key of
 * the Query's {@code LastEvaluatedKey}.
 *
 * <p>The token is {@code m1.<room>.<connection id>}, each part the UTF-8 bytes in unpadded base64url.
 * The room is kept so that a cursor of one room is refused for another. Tokens come back from callers,
 * so {@link #decode} checks every part: both must be a valid room name and connection id, whose
 * characters are all base64url-safe ASCII and bounded in length, so the token is too.
 */
record MembershipCursor(RoomName room, ConnectionId after) {

    private static final String VERSION = "m1";
    /** {@code m1.}, and two base64 parts of at most 64 and 128 characters. */
    private static final int MAX_LENGTH = 3 + 88 + 1 + 172;

    MembershipCursor {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(after, "after");
    }

    PageCursor encode() {
        return PageCursor.of(VERSION + '.' + base64(room.value()) + '.' + base64(after.value()));
    }

    /**
     * Reads a cursor made by {@link #encode()} for {@code room}.
     *
     * @throws IllegalArgumentException if the token was not made so
     */
    static MembershipCursor decode(PageCursor cursor, RoomName room) {
        String token = cursor.token();
        if (token.length() > MAX_LENGTH) {
            throw invalid("token is " + token.length() + " characters long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw invalid("unknown format");
        }
        String cursorRoom = decodePart(parts[1]);
        if (!room.value().equals(cursorRoom)) {
            throw invalid("it was made for another room");
        }
        String connection = decodePart(parts[2]);
        if (!ConnectionId.isValid(connection)) {
            throw invalid("its position is not a connection id");
        }
        return new MembershipCursor(room, ConnectionId.of(connection));
    }

    private static String decodePart(String part) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw invalid("a part is not base64url");
        }
        // the valid values are ASCII: anything else fails the room and connection checks
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String base64(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.US_ASCII));
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException("Not a page cursor of this DynamoDB room membership: " + reason);
    }

    @Override
    public String toString() {
        return "MembershipCursor[room=" + room + "]";
    }
}
