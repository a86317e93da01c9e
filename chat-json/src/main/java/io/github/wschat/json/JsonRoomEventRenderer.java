package io.github.wschat.json;

import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JSONComposer;
import com.fasterxml.jackson.jr.ob.comp.ArrayComposer;
import com.fasterxml.jackson.jr.ob.comp.ComposerBase;
import com.fasterxml.jackson.jr.ob.comp.ObjectComposer;
import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.Presence;
import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.RoomEventRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders the room events of PROTOCOL §3–6 as compact JSON with jackson-jr's composer, field by field
 * into one buffer (no map or tree in between), {@code type} first and the fields in the protocol's
 * order, {@code ref} last when the command had one:
 * <ul>
 *   <li>{@code {"type":"joined","room":"lobby","lastSeq":41,"ref":"1"}}, {@code {"type":"left","room":"lobby"}};</li>
 *   <li>{@code {"type":"presence","room":"lobby","event":"join","user":{"userId":"u-1","name":"Alice"}}};</li>
 *   <li>{@code {"type":"members","room":"lobby","members":[{"userId":"u-1","name":"Alice","connections":2}]}};</li>
 *   <li>{@code {"type":"ack","room":"lobby","id":"m-1","seq":42}};</li>
 *   <li>{@code {"type":"message","room":"lobby","seq":42,"id":"m-1","from":{"userId":"u-1","name":"Alice"},"text":"hi","sentAt":"2026-12-02T10:15:30.123Z"}},
 *       {@code sentAt} in UTC with exactly three digits of milliseconds (finer ones cut);</li>
 *   <li>{@code {"type":"history","room":"lobby","messages":[…],"lastSeq":42,"more":false,"truncated":false}},
 *       each of {@code messages} exactly the {@code message} event, {@code truncated} always present;</li>
 *   <li>{@code {"type":"error","code":"bad_request","error":"body has no \"room\" field","ref":"1"}}.</li>
 * </ul>
 * Text is text: only escaped as JSON strings require (quote, backslash, control characters), non-ASCII
 * kept as it is, never markup. Stateless and thread-safe.
 *
 * <pre>{@code
 * String joined = new JsonRoomEventRenderer().joined(RoomName.of("lobby"), 41, "1");
 * // {"type":"joined","room":"lobby","lastSeq":41,"ref":"1"}
 * }</pre>
 */
public final class JsonRoomEventRenderer implements RoomEventRenderer {

    private final JSON json = JSON.std;

    @Override
    public String joined(RoomName room, long lastSeq, String ref) {
        try {
            return endWithRef(event("joined", room).put("lastSeq", lastSeq), ref).finish();
        } catch (IOException e) {
            throw cannotRender(e);
        }
    }

    @Override
    public String left(RoomName room, String ref) {
        try {
            return endWithRef(event("left", room), ref).finish();
        } catch (IOException e) {
            throw cannotRender(e);
        }
    }

    @Override
    public String presence(RoomName room, Presence event, UserRef user) {
        try {
            return putUser(event("presence", room).put("event", event.wire()), "user", user).end().finish();
        } catch (IOException e) {
            throw cannotRender(e);
        }
    }

    @Override
    public String members(RoomName room, List<RoomMember> members, String ref) {
        try {
            ArrayComposer<ObjectComposer<JSONComposer<String>>> array = event("members", room).startArrayField("members");
            for (RoomMember member : members) {
                array = putUserFields(array.startObject(), member.user()).put("connections", member.connections()).end();
            }
            return endWithRef(array.end(), ref).finish();
        } catch (IOException e) {
            throw cannotRender(e);
        }
    }

    @Override
    public String ack(RoomName room, MessageId id, long seq, String ref) {
        try {
            return endWithRef(event("ack", room).put("id", id.value()).put("seq", seq), ref).finish();
        } catch (IOException e) {
            throw cannotRender(e);
        }
    }

    @Override
    public String message(RoomMessage message) {
        try {
            return messageEvent(json.composeString().startObject(), message).finish();
        } catch (IOException e) {
            throw cannotRender(e);
        }
    }

    @Override
    public String history(RoomName room, HistoryPage page, String ref) {
        try {
            ArrayComposer<ObjectComposer<JSONComposer<String>>> array = event("history", room).startArrayField("messages");
            for (RoomMessage message : page.messages()) {
                array = messageEvent(array.startObject(), message);
            }
            ObjectComposer<JSONComposer<String>> object = array.end()
                    .put("lastSeq", page.lastSeq())
                    .put("more", page.more())
                    .put("truncated", page.truncated());
            return endWithRef(object, ref).finish();
        } catch (IOException e) {
            throw cannotRender(e);
        }
    }

    @Override
    public String error(ChatError error) {
        try {
            ObjectComposer<JSONComposer<String>> object = json.composeString().startObject()
                    .put("type", "error")
                    .put("code", error.code().wire())
                    .put("error", error.description());
            return endWithRef(object, error.ref()).finish();
        } catch (IOException e) {
            throw cannotRender(e);
        }
    }

    /** A new event: {@code {"type":…,"room":…}}, open for its other fields. */
    private ObjectComposer<JSONComposer<String>> event(String type, RoomName room) throws IOException {
        return json.composeString().startObject().put("type", type).put("room", room.value());
    }

    /** The fields of the {@code message} event into {@code object}, which is then closed. */
    private static <P extends ComposerBase> P messageEvent(ObjectComposer<P> object, RoomMessage message)
            throws IOException {
        ObjectComposer<P> head = object.put("type", "message")
                .put("room", message.room().value())
                .put("seq", message.seq())
                .put("id", message.id().value());
        return putUser(head, "from", message.from())
                .put("text", message.text())
                .put("sentAt", JsonTimestamps.utcMillis(message.sentAt()))
                .end();
    }

    private static <P extends ComposerBase> ObjectComposer<P> putUser(ObjectComposer<P> object, String field, UserRef user)
            throws IOException {
        return putUserFields(object.startObjectField(field), user).end();
    }

    private static <P extends ComposerBase> ObjectComposer<P> putUserFields(ObjectComposer<P> object, UserRef user)
            throws IOException {
        return object.put("userId", user.userId()).put("name", user.name());
    }

    /** {@code "ref":…} when there is one, and the end of the object. */
    private static <P extends ComposerBase> P endWithRef(ObjectComposer<P> object, String ref) throws IOException {
        return (ref == null ? object : object.put("ref", ref)).end();
    }

    private static UncheckedIOException cannotRender(IOException e) {
        // only strings, numbers and booleans are written into memory: this cannot happen short of a jackson-jr bug
        return new UncheckedIOException("could not render JSON", e);
    }
}
