package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.PostedMessage;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.ServerResult;
import io.github.wschat.core.port.in.PostMessageCommand;
import io.github.wschat.core.port.in.PostMessageUseCase;
import io.github.wschat.core.port.out.AppendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * A message posted over the server API: the publish's path without a connection. The caller's access is the
 * {@link RoomAccess}'s, the text is judged, stored and delivered by the {@link RoomPublication} that
 * {@code publish} uses, to every connection of the room (the caller has none to be excepted). The text is never
 * logged.
 */
final class PostMessageService implements PostMessageUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(PostMessageService.class);

    private final RoomAccess access;
    private final RoomPublication publication;

    PostMessageService(RoomAccess access, RoomPublication publication) {
        this.access = Objects.requireNonNull(access, "access");
        this.publication = Objects.requireNonNull(publication, "publication");
    }

    @Override
    public ServerResult<PostedMessage> post(PostMessageCommand command) {
        RoomName room = command.room();
        ServerResult<AppendResult> stored = access.call(command.caller(), room, "store the message in room " + room,
                () -> {
                    RoomPublication.Outcome outcome = publication.store(room, command.id(), command.caller().user().ref(),
                            command.text());
                    return outcome instanceof RoomPublication.Outcome.Refused refused
                            ? ServerResult.refused(refused.error())
                            : ServerResult.ok(((RoomPublication.Outcome.Stored) outcome).appended());
                });
        if (!(stored instanceof ServerResult.Ok<AppendResult> ok)) {
            return ServerResult.refused(((ServerResult.Refused<AppendResult>) stored).error());
        }
        AppendResult appended = ok.value();
        RoomMessage message = appended.message();
        LOG.debug("{} posted message {} in room {} under seq {}", appended.duplicate() ? "a retry of" : "stored",
                message.id(), room, message.seq());
        try {
            BroadcastReport delivery = publication.deliver(appended, null);
            return ServerResult.ok(new PostedMessage(message, appended.duplicate(), delivery));
        } catch (RuntimeException e) {
            // stored: the members read it in the history, and the caller's retry answers its seq
            String what = "deliver message " + message.id() + " (stored under seq " + message.seq() + ")";
            LOG.warn("could not {} in room {}", what, room, e);
            return ServerResult.refused(RoomReplies.internalError(what));
        }
    }
}
