package io.github.wschat.core.domain;

import java.util.Objects;

/**
 * A user in a room's members list (PROTOCOL §3): {@code {"userId":…,"name":…,"connections":k}}.
 *
 * @param user        the user
 * @param connections how many of the user's connections are in the room, at least 1
 */
public record RoomMember(UserRef user, int connections) {

    public RoomMember {
        Objects.requireNonNull(user, "user");
        if (connections < 1) {
            throw new IllegalArgumentException("a member has at least 1 connection in the room, has " + connections);
        }
    }
}
