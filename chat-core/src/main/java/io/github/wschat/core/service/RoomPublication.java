package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.NewMessage;
import io.github.wschat.core.domain.PayloadLimit;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.domain.TextLimit;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.AppendResult;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.RoomEventRenderer;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a WebSocket {@code publish} and an HTTP post share: the text judged (the {@link TextLimit}, and the
 * event's size once encoded), the message stored first under the room's next seq, then its {@code message}
 * event fanned out to the room. Who may publish, and who is answered how, is the callers'.
 */
final class RoomPublication {

    /** The ref that takes the most bytes in a reply: the longest, of characters JSON writes in 6 bytes. */
    private static final String WIDEST_REF = "\u0001".repeat(RoomRequest.MAX_REF_LENGTH);

    private final MessageLog log;
    private final TextLimit textLimit;
    private final PayloadLimit payloadLimit;
    private final RoomEventRenderer renderer;
    private final RoomFanOut rooms;
    private final Clock clock;

    RoomPublication(MessageLog log, TextLimit textLimit, PayloadLimit payloadLimit, RoomEventRenderer renderer,
                    RoomFanOut rooms, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.textLimit = Objects.requireNonNull(textLimit, "textLimit");
        this.payloadLimit = Objects.requireNonNull(payloadLimit, "payloadLimit");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stored (new or a retry of its id), or refused for its text before anything was stored. */
    sealed interface Outcome {
        record Stored(AppendResult appended) implements Outcome {
        }

        record Refused(ChatError error) implements Outcome {
        }
    }

    /**
     * Judges the text and stores the message; the log's failures are thrown, as the port throws them.
     *
     * @return the append, or the error (without ref) that refuses the text
     */
    Outcome store(RoomName room, MessageId id, UserRef from, String text) {
        Optional<ChatError> refused = textLimit.check(text);
        if (refused.isPresent()) {
            return new Outcome.Refused(refused.get());
        }
        NewMessage message = new NewMessage(room, id, from, text, clock.instant());
        Optional<ChatError> undeliverable = undeliverable(message);
        if (undeliverable.isPresent()) {
            return new Outcome.Refused(undeliverable.get());
        }
        return new Outcome.Stored(log.append(message));
    }

    /**
     * The stored message's {@code message} event to every connection of its room but {@code except}
     * ({@code null}: every one); nothing for a retry, whose first append delivered it.
     */
    BroadcastReport deliver(AppendResult appended, ConnectionId except) {
        if (appended.duplicate()) {
            return BroadcastReport.none();
        }
        RoomMessage message = appended.message();
        return rooms.toRoom(message.room(), except, renderer.message(message));
    }

    /**
     * A text within the {@link TextLimit} can still make a {@code message} event above the fan-out's
     * {@link PayloadLimit} (API Gateway's 128 KB), since the event's encoding may escape characters (JSON writes
     * a control character in 6 bytes) and adds the sender, seq and time: such a message would be stored and then
     * delivered to nobody, and no {@code history} reply could hold it. So the widest reply that will ever carry
     * it, a history page of this message alone with the widest seqs and ref, must fit, before anything is stored.
     */
    private Optional<ChatError> undeliverable(NewMessage message) {
        HistoryPage alone = new HistoryPage(List.of(RoomMessage.of(message, Long.MAX_VALUE)), Long.MAX_VALUE, true, true);
        if (payloadLimit.fits(renderer.history(message.room(), alone, WIDEST_REF))) {
            return Optional.empty();
        }
        return Optional.of(ChatError.of(ErrorCode.TOO_LARGE, "text makes a message event of more than "
                + payloadLimit.maxBytes() + " bytes once encoded (control characters take 6 bytes each)"));
    }
}
