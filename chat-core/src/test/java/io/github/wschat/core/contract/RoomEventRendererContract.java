package io.github.wschat.core.contract;

import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.Presence;
import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.TextLimit;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.RoomEventRenderer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RoomEventRenderer} of the JSON protocol must do (PROTOCOL §3–6): each event a JSON
 * object with its {@code type} and the protocol's fields, valid whatever the values hold, the
 * {@code ref} echoed when there is one and absent otherwise. Field order is free. An adapter's test
 * extends this class and says how to make a renderer.
 *
 * <pre>{@code
 * class MyRoomEventRendererContractTest extends RoomEventRendererContract {
 *     protected RoomEventRenderer createRenderer() { return new MyRoomEventRenderer(); }
 * }
 * }</pre>
 *
 * <p>Like {@link ReplyRendererContract}, the suite reads the texts back with jackson-jr, which a module
 * running it needs on its test classpath.
 */
public abstract class RoomEventRendererContract {

    protected static final RoomName LOBBY = RoomName.of("lobby");
    protected static final UserRef ALICE = UserRef.of("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Alice Ø'\"<b>\\");
    protected static final UserRef BOB = UserRef.of("anon:Bq3xkcNyoAMCJpQ=", "anonymous");
    /** Every kind of character a JSON string must escape, and some it must keep as they are. */
    protected static final String AWKWARD_TEXT = "héllo 🚀 \"quoted\" \\ back\nline\ttab \u0001 </script> \u2028 end";

    private RoomEventRenderer renderer;

    /** A new renderer; called before each test. */
    protected abstract RoomEventRenderer createRenderer();

    @BeforeEach
    void setUpRenderer() {
        renderer = createRenderer();
    }

    protected RoomEventRenderer renderer() {
        return renderer;
    }

    @Test
    void joined_has_the_room_and_its_last_seq_and_the_ref_only_when_given() {
        assertThat(json(renderer.joined(LOBBY, 0, null)))
                .isEqualTo(Map.of("type", "joined", "room", "lobby", "lastSeq", 0L));
        assertThat(json(renderer.joined(RoomName.of("a:b.c_d-e"), 9_007_199_254L, "r-1")))
                .isEqualTo(Map.of("type", "joined", "room", "a:b.c_d-e", "lastSeq", 9_007_199_254L, "ref", "r-1"));
    }

    @Test
    void left_has_the_room_and_the_ref_only_when_given() {
        assertThat(json(renderer.left(LOBBY, null))).isEqualTo(Map.of("type", "left", "room", "lobby"));
        assertThat(json(renderer.left(LOBBY, "\"ref\" with ünïcode"))).isEqualTo(
                Map.of("type", "left", "room", "lobby", "ref", "\"ref\" with ünïcode"));
    }

    @ParameterizedTest
    @EnumSource(Presence.class)
    void presence_has_the_event_and_the_user_and_no_ref(Presence event) {
        assertThat(json(renderer.presence(LOBBY, event, ALICE))).isEqualTo(Map.of("type", "presence", "room", "lobby",
                "event", event.wire(), "user", Map.of("userId", ALICE.userId(), "name", ALICE.name())));
    }

    @Test
    void members_lists_each_user_with_its_connections_in_the_order_given() {
        Map<String, Object> rendered = json(renderer.members(LOBBY,
                List.of(new RoomMember(BOB, 1), new RoomMember(ALICE, 3)), "m"));

        assertThat(rendered).isEqualTo(Map.of("type", "members", "room", "lobby", "ref", "m", "members", List.of(
                Map.of("userId", BOB.userId(), "name", BOB.name(), "connections", 1L),
                Map.of("userId", ALICE.userId(), "name", ALICE.name(), "connections", 3L))));
        assertThat(json(renderer.members(LOBBY, List.of(), null)))
                .isEqualTo(Map.of("type", "members", "room", "lobby", "members", List.of()));
    }

    @Test
    void ack_has_the_room_the_id_and_the_seq() {
        assertThat(json(renderer.ack(LOBBY, MessageId.of("m-1_A"), 42, "p")))
                .isEqualTo(Map.of("type", "ack", "room", "lobby", "id", "m-1_A", "seq", 42L, "ref", "p"));
        assertThat(json(renderer.ack(LOBBY, MessageId.of("m"), 1, null)))
                .isEqualTo(Map.of("type", "ack", "room", "lobby", "id", "m", "seq", 1L));
    }

    @Test
    void message_has_every_field_the_text_unchanged_and_sent_at_with_three_digits_of_milliseconds() {
        RoomMessage message = message(7, AWKWARD_TEXT, Instant.parse("2026-12-02T10:15:30.123Z"));

        assertThat(json(renderer.message(message))).isEqualTo(messageEvent(message, "2026-12-02T10:15:30.123Z"));
        assertThat(json(renderer.message(message(8, "x", Instant.parse("2026-12-02T10:15:30Z")))))
                .containsEntry("sentAt", "2026-12-02T10:15:30.000Z");
        assertThat(json(renderer.message(message(9, "x", Instant.parse("2026-12-02T10:15:30.100Z")))))
                .containsEntry("sentAt", "2026-12-02T10:15:30.100Z");
    }

    @Test
    void a_message_of_the_largest_default_text_renders_whole() {
        String text = "é".repeat(TextLimit.DEFAULT_MAX_BYTES / 2);

        assertThat(json(renderer.message(message(1, text, Instant.parse("2026-12-02T10:15:30.123Z")))))
                .containsEntry("text", text);
    }

    @Test
    void history_holds_the_message_events_seq_ascending_with_last_seq_more_and_truncated() {
        RoomMessage first = message(3, "one", Instant.parse("2026-12-02T10:15:30.123Z"));
        RoomMessage second = message(5, AWKWARD_TEXT, Instant.parse("2026-12-02T10:15:31Z"));

        Map<String, Object> rendered = json(renderer.history(LOBBY, new HistoryPage(List.of(first, second), 9, true, true), "h"));

        assertThat(rendered).isEqualTo(Map.of("type", "history", "room", "lobby", "lastSeq", 9L, "more", true,
                "truncated", true, "ref", "h", "messages", List.of(messageEvent(first, "2026-12-02T10:15:30.123Z"),
                        messageEvent(second, "2026-12-02T10:15:31.000Z"))));
        assertThat(json(renderer.history(LOBBY, new HistoryPage(List.of(), 0, false, false), null)))
                .isEqualTo(Map.of("type", "history", "room", "lobby", "lastSeq", 0L, "more", false, "truncated", false,
                        "messages", List.of()));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void an_error_has_the_wire_code_the_text_and_the_ref_only_when_given(ErrorCode code) {
        assertThat(json(renderer.error(new ChatError(code, "what was \"wrong\"\n", "r9"))))
                .isEqualTo(Map.of("type", "error", "code", code.wire(), "error", "what was \"wrong\"\n", "ref", "r9"));
        assertThat(json(renderer.error(ChatError.of(code, "no ref"))))
                .isEqualTo(Map.of("type", "error", "code", code.wire(), "error", "no ref"));
    }

    /** The {@code message} event of {@code message} as the protocol has it, read back. */
    protected static Map<String, Object> messageEvent(RoomMessage message, String sentAt) {
        return Map.of("type", "message", "room", message.room().value(), "seq", message.seq(), "id", message.id().value(),
                "from", Map.of("userId", message.from().userId(), "name", message.from().name()),
                "text", message.text(), "sentAt", sentAt);
    }

    protected static RoomMessage message(long seq, String text, Instant sentAt) {
        return new RoomMessage(LOBBY, seq, MessageId.of("m-" + seq), ALICE, text, sentAt);
    }

    /** A rendered text read back strictly as a JSON object, its numbers as {@code Long}s. */
    protected static Map<String, Object> json(String text) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) longs(ReplyRendererContract.jsonObject(text));
        return object;
    }

    private static Object longs(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, field) -> copy.put((String) key, longs(field)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RoomEventRendererContract::longs).collect(Collectors.toList());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        return value;
    }
}
