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
     * The user an event's {@code requestContext.authorizer} names, or empty when there is none (authorization
     * off) or it is not one this class wrote: no {@code userId}, or values a {@link UserIdentity} refuses.
     */
    public static Optional<UserIdentity> read(Map<String, Object> authorizer) {
        if (authorizer == null || !(authorizer.get(USER_ID) instanceof String userId)) {
            return Optional.empty();
        }
        Object name = authorizer.get(NAME);
        Object rooms = authorizer.get(ROOMS);
        List<String> grants = rooms instanceof String joined && !joined.isEmpty()
                ? Arrays.asList(joined.split(",", -1)) : List.of();
        try {
            return Optional.of(UserIdentity.of(userId, name instanceof String text ? text : userId, grants));
        } catch (IllegalArgumentException | NullPointerException notOurs) {
            return Optional.empty();
        }
    }
}
