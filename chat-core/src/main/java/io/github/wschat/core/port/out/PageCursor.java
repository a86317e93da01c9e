package io.github.wschat.core.port.out;

import java.util.Objects;

/**
 * Where the next page of a {@link ConnectionStore} or of a room's {@link RoomMembership} starts. Opaque to the core: each store puts in it
 * what it needs (DynamoDB's {@code LastEvaluatedKey}, the last id of an ordered map, …).
 */
public record PageCursor(String token) {

    public PageCursor {
        Objects.requireNonNull(token, "token");
    }

    public static PageCursor of(String token) {
        return new PageCursor(token);
    }
}
