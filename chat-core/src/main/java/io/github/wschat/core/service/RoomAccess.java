package io.github.wschat.core.service;

import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.ServerCaller;
import io.github.wschat.core.domain.ServerResult;
import io.github.wschat.core.port.out.RoomPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may use a room over the server API, where there is no connection and so no membership to ask: the
 * callers the {@link RoomPolicy} lets into the room, and backends ({@link ServerCaller#serverScope()}) into every
 * room. A join refused by the policy is answered the same {@code forbidden}.
 */
final class RoomAccess {

    private static final Logger LOG = LoggerFactory.getLogger(RoomAccess.class);

    private final RoomPolicy policy;

    RoomAccess(RoomPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The {@code forbidden} error (without ref) when the caller may not use the room; empty when it may. */
    Optional<ChatError> refusal(ServerCaller caller, RoomName room) {
        if (caller.serverScope() || policy.mayEnter(caller.user(), room)) {
            return Optional.empty();
        }
        return Optional.of(forbidden(room));
    }

    /**
     * A server API call about a room: {@code forbidden} when the caller may not use it, else {@code call}'s
     * result; a port failing (a policy of yours throwing included) is {@code internal}, logged with its cause.
     *
     * @param what what the call does, for the log and the error: "read the history of room lobby"
     */
    <T> ServerResult<T> call(ServerCaller caller, RoomName room, String what, Supplier<ServerResult<T>> call) {
        try {
            Optional<ChatError> forbidden = refusal(caller, room);
            return forbidden.isPresent() ? ServerResult.refused(forbidden.get()) : call.get();
        } catch (RuntimeException e) {
            LOG.warn("could not {} for the server API", what, e);
            return ServerResult.refused(RoomReplies.internalError(what));
        }
    }

    /** The {@code forbidden} error of a room the policy keeps a user out of, without ref. */
    static ChatError forbidden(RoomName room) {
        return ChatError.of(ErrorCode.FORBIDDEN, room.isPrivate()
                ? "room " + room + " is private: your token grants no entry to it"
                : "the room policy keeps you out of room " + room);
    }
}
