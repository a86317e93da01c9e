package io.github.wschat.core.domain;

import java.util.Objects;

/**
 * Who calls the server API (PROTOCOL §7): a verified user, with no connection. Over HTTP there is no
 * membership to ask: a call about a room is allowed when the room policy lets the user into it, or for any
 * room when the token is a backend's ({@code scope} {@value #SERVER_SCOPE}).
 *
 * @param user        the token's user: a posted message's {@code from}
 * @param serverScope whether the token's {@code scope} holds {@value #SERVER_SCOPE}: every room is allowed
 */
public record ServerCaller(UserIdentity user, boolean serverScope) {

    /** The scope of a backend's token, which may use every room. */
    public static final String SERVER_SCOPE = "wschat:server";

    public ServerCaller {
        Objects.requireNonNull(user, "user");
    }

    /** A user calling for itself: the room policy decides. */
    public static ServerCaller user(UserIdentity user) {
        return new ServerCaller(user, false);
    }

    /** A backend, whose token holds {@value #SERVER_SCOPE}: every room. */
    public static ServerCaller backend(UserIdentity user) {
        return new ServerCaller(user, true);
    }
}
