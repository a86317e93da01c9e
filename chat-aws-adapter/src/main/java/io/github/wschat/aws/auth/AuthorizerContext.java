package io.github.wschat.aws.auth;

import io.github.wschat.core.domain.UserIdentity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity as a REQUEST authorizer puts it in its answer's {@code context}, and as API Gateway then
 * hands it to every later route of the connection in {@code requestContext.authorizer} (with the answer's
 * {@code principalId} beside it). API Gateway passes string, number and boolean values only, so the grants
 * are one string:
 *
 * <pre>
 * "authorizer": {"principalId": "user-1", "userId": "user-1", "name": "Alice", "rooms": "private-team-*,lobby"}
 * </pre>
 *
 * A grant never holds a comma ({@link UserIdentity#isValidGrant}), so the list reads back unchanged.
 */
public final class AuthorizerContext {

    public static final String USER_ID = "userId";
    public static final String NAME = "name";
    public static final String ROOMS = "rooms";
    public static final String PRINCIPAL_ID = "principalId";

    /** A name every user may have, to tell which of a refused user's values is wrong. */
    private static final String ANY_NAME = "-";

    private AuthorizerContext() {
    }

    /** The {@code context} of an Allow answer for {@code user}. */
    public static Map<String, Object> of(UserIdentity user) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put(USER_ID, user.userId());
        context.put(NAME, user.name());
        context.put(ROOMS, String.join(",", user.roomGrants()));
        return context;
    }

    /**
     * The user an event's {@code requestContext.authorizer} names; empty when there is none (no
     * authorizer: authorization is off, and the caller's user is the connection's
     * {@linkplain UserIdentity#anonymous anonymous} one).
     *
     * <ul>
     *   <li>A context with {@value #USER_ID}, as {@link #of} writes it: that user, named {@value #NAME}
     *       (the user id when absent), granted the comma-separated {@value #ROOMS} (none when absent or
     *       empty).</li>
     *   <li>A context with {@value #PRINCIPAL_ID} but no {@value #USER_ID}, as a user's own authorizer
     *       answers: the principal, as user id and name, with no grants.</li>
     * </ul>
     *
     * @throws IllegalArgumentException if there is an authorizer context but not one of a user: neither
     *                                  key, a value that is not a string, values a {@link UserIdentity}
     *                                  refuses, or a user id that would pass for an anonymous one
     *                                  ({@value UserIdentity#ANONYMOUS_PREFIX}…). The message names the keys, never their values.
     */
    public static Optional<UserIdentity> read(Map<String, Object> authorizer) {
        if (authorizer == null || authorizer.isEmpty()) {
            return Optional.empty();
        }
        if (authorizer.containsKey(USER_ID)) {
            String userId = string(authorizer, USER_ID);
            String name = authorizer.get(NAME) == null ? userId : string(authorizer, NAME);
            String rooms = authorizer.get(ROOMS) == null ? "" : string(authorizer, ROOMS);
            List<String> grants = rooms.isEmpty() ? List.of() : Arrays.asList(rooms.split(",", -1));
            return Optional.of(user(userId, name, grants));
        }
        if (authorizer.containsKey(PRINCIPAL_ID)) {
            String principal = string(authorizer, PRINCIPAL_ID);
            return Optional.of(user(principal, principal, List.of()));
        }
        throw new IllegalArgumentException("the authorizer context has neither '" + USER_ID + "' nor '"
                + PRINCIPAL_ID + "'");
    }

    private static String string(Map<String, Object> authorizer, String key) {
        if (authorizer.get(key) instanceof String value) {
            return value;
        }
        throw new IllegalArgumentException("the authorizer context's '" + key + "' is not a string");
    }

    private static UserIdentity user(String userId, String name, List<String> grants) {
        if (userId.startsWith(UserIdentity.ANONYMOUS_PREFIX)) {
            // an authorizer's user is a verified one: it must not pass for a connection's anonymous user
            throw new IllegalArgumentException("the authorizer context's user id starts with '"
                    + UserIdentity.ANONYMOUS_PREFIX + "', the prefix of anonymous users");
        }
        try {
            return UserIdentity.of(userId, name, grants);
        } catch (IllegalArgumentException e) {
            // not chained: UserIdentity's message shows the start of the refused value
            throw new IllegalArgumentException("the authorizer context's values do not make a user: "
                    + refused(userId, name, grants));
        }
    }

    /** Which of the values a {@link UserIdentity} refuses, by key. */
    private static String refused(String userId, String name, List<String> grants) {
        if (grants.size() > UserIdentity.MAX_ROOM_GRANTS || !grants.stream().allMatch(UserIdentity::isValidGrant)) {
            return "'" + ROOMS + "' is not a comma-separated list of at most " + UserIdentity.MAX_ROOM_GRANTS
                    + " room names or prefixes ending in *";
        }
        try {
            UserIdentity.of(userId, ANY_NAME, List.of());
            return "its name is not 1 to " + UserIdentity.MAX_NAME_LENGTH + " characters without control characters";
        } catch (IllegalArgumentException e) {
            return "its user id is not 1 to " + UserIdentity.MAX_USER_ID_LENGTH
                    + " characters without control characters";
        }
    }
}
