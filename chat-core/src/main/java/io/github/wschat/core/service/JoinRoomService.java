package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.Presence;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.in.JoinRoomCommand;
import io.github.wschat.core.port.in.JoinRoomUseCase;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.RoomMembership;
import io.github.wschat.core.port.out.RoomPolicy;

import java.time.Clock;
import java.util.Objects;

/**
 * Joins a room when the {@link RoomPolicy} lets the user in. The membership is stored before the room's
 * {@code lastSeq} is read, so every message after that seq is delivered to the new member live.
 * A user's first connection in the room is told to the room's other connections as a {@code presence}
 * {@code join}; joining again, or with a second connection, tells nobody.
 */
final class JoinRoomService implements JoinRoomUseCase {

    private final RoomMembership membership;
    private final MessageLog log;
    private final RoomPolicy policy;
    private final RoomReplies replies;
    private final RoomFanOut rooms;
    private final Clock clock;

    JoinRoomService(RoomMembership membership, MessageLog log, RoomPolicy policy, RoomReplies replies, RoomFanOut rooms,
                    Clock clock) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.log = Objects.requireNonNull(log, "log");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RoomResult join(JoinRoomCommand command) {
        RoomName room = command.room();
        try {
            if (!policy.mayEnter(command.user(), room)) {
                return replies.refuse(command.connection(), RoomAccess.forbidden(room).withRef(command.ref()));
            }
            UserRef user = command.user().ref();
            boolean isNew = membership.join(Membership.of(room, command.connection(), user, clock.instant()));
            long lastSeq = log.lastSeq(room);
            var answer = replies.send(command.connection(), replies.renderer().joined(room, lastSeq, command.ref()));
            BroadcastReport presence = isNew && membership.connectionCount(room, user.userId()) == 1
                    ? rooms.presence(room, Presence.JOIN, user, command.connection())
                    : BroadcastReport.none();
            return new RoomResult.Done(answer, presence);
        } catch (RuntimeException e) {
            return replies.internal(command.connection(), "join room " + room, command.ref(), e);
        }
    }
}
