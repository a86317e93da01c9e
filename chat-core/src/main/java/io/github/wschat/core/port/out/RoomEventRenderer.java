package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.Presence;
import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;

import java.util.List;

/**
 * Turns the room use cases' replies and events into text of the wire protocol (PROTOCOL §3–6). The
 * core carries no JSON library: module {@code chat-json} implements it, held to
 * {@code io.github.wschat.core.contract.RoomEventRendererContract} of the core's test-jar. Implementations are
 * thread-safe.
 *
 * <p>Every event is a JSON object with a {@code "type"}. A {@code ref} parameter is the command's
 * {@code ref}, echoed as {@code "ref":"…"}; when it is {@code null} the event has no {@code ref} field.
 * A user is {@code {"userId":…,"name":…}} (a {@link UserRef}); a room, a message id and a seq are the
 * string, string and number they are; text is escaped as JSON strings are, never changed otherwise.
 */
public interface RoomEventRenderer {

    /** To the joining connection: {@code {"type":"joined","room":R,"lastSeq":N,"ref":…}}, N being 0 for an empty room. */
    String joined(RoomName room, long lastSeq, String ref);

    /** To the leaving connection: {@code {"type":"left","room":R,"ref":…}}. */
    String left(RoomName room, String ref);

    /**
     * To the room's other members: {@code {"type":"presence","room":R,"event":"join"|"leave","user":{"userId":…,"name":…}}}
     * ({@link Presence#wire()}); no ref.
     */
    String presence(RoomName room, Presence event, UserRef user);

    /**
     * To the asking member:
     * {@code {"type":"members","room":R,"members":[{"userId":…,"name":…,"connections":k},…],"ref":…}}, in the
     * order given.
     */
    String members(RoomName room, List<RoomMember> members, String ref);

    /** To the publishing connection: {@code {"type":"ack","room":R,"id":ID,"seq":S,"ref":…}}. */
    String ack(RoomName room, MessageId id, long seq, String ref);

    /**
     * To the room's other connections:
     * {@code {"type":"message","room":R,"seq":S,"id":ID,"from":{"userId":…,"name":…},"text":T,"sentAt":"2026-12-02T10:15:30.123Z"}};
     * {@code sentAt} in UTC with exactly three digits of milliseconds; no ref.
     */
    String message(RoomMessage message);

    /**
     * To the asking member:
     * {@code {"type":"history","room":R,"messages":[…],"lastSeq":M,"more":true|false,"truncated":true|false,"ref":…}},
     * each element of {@code messages} exactly the {@link #message} event of that message, in the page's order
     * (seq ascending); {@code truncated} always present.
     */
    String history(RoomName room, HistoryPage page, String ref);

    /**
     * To the caller only: {@code {"type":"error","code":C,"error":"…","ref":…}}, C being the
     * {@link io.github.wschat.core.domain.ErrorCode#wire() wire name} of the error's code, the {@code ref} the error's.
     */
    String error(ChatError error);
}
