package io.github.wschat.core.domain;

/**
 * A user as the other members of a room see it: in a message's {@code from}, in presence events and
 * in the members list, {@code {"userId":…,"name":…}} on the wire. {@link UserIdentity#ref()} makes one
 * of a connection's user; the room grants stay out of it.
 *
 * @param userId as in {@link UserIdentity#userId()}
 * @param name   as in {@link UserIdentity#name()}: text, never markup
 */
public record UserRef(String userId, String name) {

    public UserRef {
        userId = Names.text("user id", userId, UserIdentity.MAX_USER_ID_LENGTH);
        name = Names.text("name", name, UserIdentity.MAX_NAME_LENGTH);
    }

    public static UserRef of(String userId, String name) {
        return new UserRef(userId, name);
    }
}
