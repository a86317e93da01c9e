package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.Presence;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.port.in.LeaveRoomCommand;
import io.github.wschat.core.port.in.LeaveRoomUseCase;
import io.github.wschat.core.port.out.RoomMembership;

import java.util.Objects;
import java.util.Optional;

/**
 * Leaves a room: {@code left} to the caller, member or not (leaving is idempotent), and a
 * {@code presence} {@code leave} to the room when the user's last connection there went.
 */
final class LeaveRoomService implements LeaveRoomUseCase {

    private final RoomMembership membership;
    private final RoomReplies replies;
    private final RoomFanOut rooms;

    LeaveRoomService(RoomMembership membership, RoomReplies replies, RoomFanOut rooms) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
    }

    @Override
    public RoomResult leave(LeaveRoomCommand command) {
        RoomName room = command.room();
        try {
            Optional<Membership> removed = membership.leave(room, command.connection());
            DeliveryOutcome answer = replies.send(command.connection(), replies.renderer().left(room, command.ref()));
            BroadcastReport presence = removed.isPresent() && rooms.isGone(room, removed.get().user())
                    ? rooms.presence(room, Presence.LEAVE, removed.get().user(), command.connection())
                    : BroadcastReport.none();
            return new RoomResult.Done(answer, presence);
        } catch (RuntimeException e) {
            return replies.internal(command.connection(), "leave room " + room, command.ref(), e);
        }
    }
}
