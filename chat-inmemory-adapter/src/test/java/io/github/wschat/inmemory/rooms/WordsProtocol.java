package io.github.wschat.inmemory.rooms;

import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.Presence;
import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.RoomEventRenderer;
import io.github.wschat.core.port.out.RoomRequestParser;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A protocol of words for the room services' tests, so that they do not wait on the JSON one and read
 * at a glance: {@code join lobby ref=r1} in, {@code joined lobby lastSeq=0 ref=r1} out. A command is
 * {@code ACTION ROOM [ID TEXT | AFTER LIMIT] [ref=REF]}; the text is one word.
 */
final class WordsProtocol implements RoomRequestParser, RoomEventRenderer {

    @Override
    public RoomRequest parse(String body) {
        String[] words = body.isBlank() ? new String[0] : body.strip().split(" +");
        String ref = null;
        int count = words.length;
        if (count > 0 && words[count - 1].startsWith("ref=")) {
            ref = words[count - 1].substring("ref=".length());
            count--;
        }
        if (count < 2) {
            return new RoomRequest.Invalid(ChatError.badRequest("an action and a room are required", ref));
        }
        if (!RoomName.isValid(words[1])) {
            return new RoomRequest.Invalid(ChatError.badRequest("room is not a room name", ref));
        }
        RoomName room = RoomName.of(words[1]);
        switch (words[0]) {
            case "join":
                return new RoomRequest.Join(room, ref);
            case "leave":
                return new RoomRequest.Leave(room, ref);
            case "members":
                return new RoomRequest.Members(room, ref);
            case "publish":
                if (count < 3 || !MessageId.isValid(words[2])) {
                    return new RoomRequest.Invalid(ChatError.badRequest("id is missing or not a message id", ref));
                }
                return new RoomRequest.Publish(room, MessageId.of(words[2]), count > 3 ? words[3] : "", ref);
            case "history":
                long after = count > 2 ? Long.parseLong(words[2]) : RoomRequest.DEFAULT_AFTER;
                int limit = count > 3 ? Integer.parseInt(words[3]) : RoomRequest.DEFAULT_LIMIT;
                if (after < 0 || limit < 1 || limit > RoomRequest.MAX_LIMIT) {
                    return new RoomRequest.Invalid(ChatError.badRequest("after or limit out of range", ref));
                }
                return new RoomRequest.History(room, after, limit, ref);
            default:
                return new RoomRequest.Invalid(ChatError.badRequest("unknown action", ref));
        }
    }

    @Override
    public String joined(RoomName room, long lastSeq, String ref) {
        return "joined " + room + " lastSeq=" + lastSeq + ref(ref);
    }

    @Override
    public String left(RoomName room, String ref) {
        return "left " + room + ref(ref);
    }

    @Override
    public String presence(RoomName room, Presence event, UserRef user) {
        return "presence " + room + " " + event.wire() + " " + user.userId();
    }

    @Override
    public String members(RoomName room, List<RoomMember> members, String ref) {
        return "members " + room + " " + members.stream()
                .map(member -> member.user().userId() + "x" + member.connections())
                .collect(Collectors.joining(",", "[", "]")) + ref(ref);
    }

    @Override
    public String ack(RoomName room, MessageId id, long seq, String ref) {
        return "ack " + room + " " + id + " seq=" + seq + ref(ref);
    }

    @Override
    public String message(RoomMessage message) {
        return "message " + message.room() + " seq=" + message.seq() + " " + message.id() + " from="
                + message.from().userId() + " " + message.text();
    }

    @Override
    public String history(RoomName room, HistoryPage page, String ref) {
        return "history " + room + " " + page.messages().stream().map(m -> String.valueOf(m.seq()))
                .collect(Collectors.joining(",", "[", "]")) + " lastSeq=" + page.lastSeq() + " more=" + page.more()
                + " truncated=" + page.truncated() + ref(ref);
    }

    @Override
    public String error(ChatError error) {
        return "error " + error.code().wire() + ref(error.ref());
    }

    private static String ref(String ref) {
        return ref == null ? "" : " ref=" + ref;
    }
}
