package io.github.wschat.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who speaks on a connection: the user's id, the name shown to others, and the rooms the user is
 * granted (PROTOCOL §2). With authorization on, a verified token says it (claims {@code sub},
 * {@code name} and {@code rooms}); with it off, each connection is its own {@linkplain #anonymous
 * anonymous} user.
 *
 * <p>A room grant is a room name ({@code private-team-a}) or a prefix ending in {@code *}
 * ({@code private-team-*}; {@code *} alone grants every room). Room names are 1–64 characters of
 * {@code A-Z a-z 0-9 _ - . :}, so a grant is too, its {@code *} aside.
 *
 * @param userId     1 to {@value #MAX_USER_ID_LENGTH} characters, no control characters
 * @param name       1 to {@value #MAX_NAME_LENGTH} characters, no control characters; text, never markup
 * @param roomGrants the user's grants, possibly none
 */
public record UserIdentity(String userId, String name, List<String> roomGrants) {

    /** The prefix of an anonymous user's id, followed by the connection id. */
    public static final String ANONYMOUS_PREFIX = "anon:";
    /** An anonymous user's name. */
    public static final String ANONYMOUS_NAME = "anonymous";
    /** Longer than any issuer's subject (Cognito's are 36); a bound keeps stores and logs safe. */
    public static final int MAX_USER_ID_LENGTH = 256;
    public static final int MAX_NAME_LENGTH = 128;
    /** API Gateway's authorizer context is 8 KB in all, so no token can carry more grants than this. */
    public static final int MAX_ROOM_GRANTS = 256;

    private static final Pattern GRANT = Pattern.compile("[A-Za-z0-9_.:-]{1,64}|[A-Za-z0-9_.:-]{0,63}\\*");

    public UserIdentity {
        userId = Names.text("user id", userId, MAX_USER_ID_LENGTH);
        name = Names.text("name", name, MAX_NAME_LENGTH);
        Objects.requireNonNull(roomGrants, "roomGrants");
        if (roomGrants.size() > MAX_ROOM_GRANTS) {
            throw new IllegalArgumentException("at most " + MAX_ROOM_GRANTS + " room grants, got " + roomGrants.size());
        }
        for (String grant : roomGrants) {
            if (!isValidGrant(grant)) {
                throw new IllegalArgumentException("a room grant is a room name or a prefix ending in *: "
                        + Names.printable(grant));
            }
        }
        roomGrants = List.copyOf(roomGrants);
    }

    public static UserIdentity of(String userId, String name, List<String> roomGrants) {
        return new UserIdentity(userId, name, roomGrants);
    }

    /** The user of a connection when authorization is off: {@code anon:<connection id>}, {@code anonymous}, no grants. */
    public static UserIdentity anonymous(ConnectionId connectionId) {
        return new UserIdentity(ANONYMOUS_PREFIX + connectionId.value(), ANONYMOUS_NAME, List.of());
    }

    /** The user as others see it: id and name, without the grants. */
    public UserRef ref() {
        return new UserRef(userId, name);
    }

    /** Whether this is a connection's anonymous user rather than a verified one. */
    public boolean isAnonymous() {
        return userId.startsWith(ANONYMOUS_PREFIX);
    }

    /** Whether a grant lists {@code room}, exactly or by a prefix ending in {@code *}. */
    public boolean isGranted(String room) {
        for (String grant : roomGrants) {
            if (grant.endsWith("*") ? room.startsWith(grant.substring(0, grant.length() - 1)) : grant.equals(room)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code grant} is a room name or a prefix ending in {@code *}. */
    public static boolean isValidGrant(String grant) {
        return grant != null && GRANT.matcher(grant).matches();
    }
}
