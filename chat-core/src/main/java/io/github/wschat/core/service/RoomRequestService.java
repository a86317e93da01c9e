package io.github.wschat.core.service;

import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.port.in.JoinRoomCommand;
import io.github.wschat.core.port.in.JoinRoomUseCase;
import io.github.wschat.core.port.in.LeaveRoomCommand;
import io.github.wschat.core.port.in.LeaveRoomUseCase;
import io.github.wschat.core.port.in.PublishCommand;
import io.github.wschat.core.port.in.PublishUseCase;
import io.github.wschat.core.port.in.RoomHistoryCommand;
import io.github.wschat.core.port.in.RoomHistoryUseCase;
import io.github.wschat.core.port.in.RoomMembersCommand;
import io.github.wschat.core.port.in.RoomMembersUseCase;
import io.github.wschat.core.port.in.RoomRequestCommand;
import io.github.wschat.core.port.in.RoomRequestUseCase;
import io.github.wschat.core.port.out.RoomRequestParser;

import java.util.Objects;

/** Reads a room command's body and runs it; a body that cannot be read is answered {@code bad_request}. */
final class RoomRequestService implements RoomRequestUseCase {

    private final RoomRequestParser parser;
    private final RoomReplies replies;
    private final JoinRoomUseCase join;
    private final LeaveRoomUseCase leave;
    private final RoomMembersUseCase members;
    private final PublishUseCase publish;
    private final RoomHistoryUseCase history;

    RoomRequestService(RoomRequestParser parser, RoomReplies replies, JoinRoomUseCase join, LeaveRoomUseCase leave,
                       RoomMembersUseCase members, PublishUseCase publish, RoomHistoryUseCase history) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.join = Objects.requireNonNull(join, "join");
        this.leave = Objects.requireNonNull(leave, "leave");
        this.members = Objects.requireNonNull(members, "members");
        this.publish = Objects.requireNonNull(publish, "publish");
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public RoomResult handle(RoomRequestCommand command) {
        RoomRequest request;
        try {
            request = Objects.requireNonNull(parser.parse(command.body()), "the parser gave no result");
        } catch (RuntimeException e) {
            return replies.internal(command.connection(), "read the command", null, e);
        }
        var caller = command.connection();
        var user = command.user();
        if (request instanceof RoomRequest.Join r) {
            return join.join(new JoinRoomCommand(caller, user, r.room(), r.ref()));
        } else if (request instanceof RoomRequest.Leave r) {
            return leave.leave(new LeaveRoomCommand(caller, user, r.room(), r.ref()));
        } else if (request instanceof RoomRequest.Members r) {
            return members.members(new RoomMembersCommand(caller, user, r.room(), r.ref()));
        } else if (request instanceof RoomRequest.Publish r) {
            return publish.publish(new PublishCommand(caller, user, r.room(), r.id(), r.text(), r.ref()));
        } else if (request instanceof RoomRequest.History r) {
            return history.history(new RoomHistoryCommand(caller, user, r.room(), r.after(), r.limit(), r.ref()));
        }
        return replies.refuse(caller, ((RoomRequest.Invalid) request).error());
    }
}
