package io.github.wschat.core.contract;

import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.Presence;
import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.RoomEventRenderer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * What every {@link RoomEventRenderer} must do: the events of PROTOCOL §3–6, each a JSON object with
 * {@code type} first and the fields of the protocol's examples in their order, {@code ref} (last) exactly
 * when the command had one, numbers as numbers and booleans as booleans, and every text kept exactly
 * whatever it holds. The suite reads each text back strictly (one value, no duplicate key, no unescaped
 * control character) and compares fields, types and values. An adapter's test extends this class and says
 * how to make a renderer.
 *
 * <pre>{@code
 * class MyRoomEventRendererContractTest extends RoomEventRendererContract {
 *     protected RoomEventRenderer createRenderer() { return new MyRoomEventRenderer(); }
 * }
 * }</pre>
 *
 * <p>Like {@link ReplyRendererContract}, it reads with jackson-jr, which a module running the suite needs on
 * its test classpath. Integers are compared as {@code Long}s, whatever size the reader gave them.
 */
public abstract class RoomEventRendererContract {

    protected static final RoomName LOBBY = RoomName.of("lobby");
    protected static final UserRef ALICE = UserRef.of("user-1", "Alice");
    protected static final UserRef BOB = UserRef.of("anon:Bq3xkcNyoAMCJpQ=", "anonymous");
    protected static final Instant SENT_AT = Instant.parse("2026-12-02T10:15:30.123Z");

    /** Texts that JSON must escape or that a careless renderer changes: each is kept exactly. */
    protected static final String[] AWKWARD_TEXTS = {
            "\"},{\"type\":\"message\",\"text\":\"spoofed",
            "back\\slash \\u0022 \\\" \\n",
            "control characters: \u0000 \u0001 \b \t \n \f \r \u001b \u001f \u007f \u0085 end",
            "non-ASCII: ünïcödé ✓ 中文 🚀 \u2028 \u2029 \ufeff end",
            "</script><script>alert(1)</script> <b>bold</b> &amp; &lt;"};

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
    void joined_has_the_room_and_its_last_seq_then_the_ref() {
        assertThat(event(renderer.joined(LOBBY, 41, "r-1")))
                .containsExactly(entry("type", "joined"), entry("room", "lobby"), entry("lastSeq", 41L), entry("ref", "r-1"));
        assertThat(event(renderer.joined(LOBBY, 0, null)))
                .containsExactly(entry("type", "joined"), entry("room", "lobby"), entry("lastSeq", 0L));
    }

    @Test
    void left_has_the_room_then_the_ref() {
        assertThat(event(renderer.left(LOBBY, "r-1")))
                .containsExactly(entry("type", "left"), entry("room", "lobby"), entry("ref", "r-1"));
        assertThat(event(renderer.left(LOBBY, null))).containsExactly(entry("type", "left"), entry("room", "lobby"));
    }

    @ParameterizedTest
    @EnumSource(Presence.class)
    void presence_has_the_room_the_event_and_the_user_and_no_ref(Presence presence) {
        assertThat(event(renderer.presence(LOBBY, presence, ALICE))).containsExactly(
                entry("type", "presence"), entry("room", "lobby"), entry("event", presence.wire()),
                entry("user", user(ALICE)));
        assertThat(presence.wire()).isIn("join", "leave");
    }

    @Test
    void members_lists_each_user_with_its_connections_in_the_order_given_then_the_ref() {
        List<RoomMember> members = List.of(new RoomMember(BOB, 1), new RoomMember(ALICE, 3));

        assertThat(event(renderer.members(LOBBY, members, "r-1"))).containsExactly(
                entry("type", "members"), entry("room", "lobby"),
                entry("members", List.of(member(BOB, 1), member(ALICE, 3))), entry("ref", "r-1"));
        assertThat(event(renderer.members(LOBBY, List.of(), null)))
                .containsExactly(entry("type", "members"), entry("room", "lobby"), entry("members", List.of()));
    }

    @Test
    void ack_has_the_room_the_id_and_the_seq_then_the_ref() {
        assertThat(event(renderer.ack(LOBBY, MessageId.of("m-1"), 42, "r-1"))).containsExactly(
                entry("type", "ack"), entry("room", "lobby"), entry("id", "m-1"), entry("seq", 42L), entry("ref", "r-1"));
        assertThat(event(renderer.ack(LOBBY, MessageId.of("m-1"), Long.MAX_VALUE, null))).containsExactly(
                entry("type", "ack"), entry("room", "lobby"), entry("id", "m-1"), entry("seq", Long.MAX_VALUE));
    }

    @Test
    void message_has_the_fields_of_the_protocol_in_its_order_and_no_ref() {
        RoomMessage message = new RoomMessage(LOBBY, 42, MessageId.of("m-1"), ALICE, "hello, room!", SENT_AT);

        assertThat(event(renderer.message(message))).containsExactly(
                entry("type", "message"), entry("room", "lobby"), entry("seq", 42L), entry("id", "m-1"),
                entry("from", user(ALICE)), entry("text", "hello, room!"), entry("sentAt", "2026-12-02T10:15:30.123Z"));
    }

    @Test
    void nested_users_and_members_have_their_fields_in_the_protocols_order() {
        RoomMessage message = new RoomMessage(LOBBY, 42, MessageId.of("m-1"), ALICE, "hello, room!", SENT_AT);
        Map<String, Object> history = event(renderer.history(LOBBY, new HistoryPage(List.of(message), 42, false, false), null));

        assertThat(keys(event(renderer.message(message)).get("from"))).containsExactly("userId", "name");
        assertThat(keys(event(renderer.presence(LOBBY, Presence.LEAVE, ALICE)).get("user"))).containsExactly("userId", "name");
        assertThat(keys(((List<?>) event(renderer.members(LOBBY, List.of(new RoomMember(ALICE, 1)), null)).get("members")).get(0)))
                .containsExactly("userId", "name", "connections");
        assertThat(keys(((List<?>) history.get("messages")).get(0)))
                .containsExactly("type", "room", "seq", "id", "from", "text", "sentAt");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-12-02T10:15:30Z, 2026-12-02T10:15:30.000Z",
            "2026-12-02T10:15:30.1Z, 2026-12-02T10:15:30.100Z",
            "2026-12-02T10:15:30.123456789Z, 2026-12-02T10:15:30.123Z",
            "2026-12-31T23:59:59.999999999Z, 2026-12-31T23:59:59.999Z",
            "2026-01-02T03:04:05.006+00:00, 2026-01-02T03:04:05.006Z",
            "1970-01-01T00:00:00Z, 1970-01-01T00:00:00.000Z"})
    void sent_at_is_utc_with_exactly_three_digits_of_milliseconds(String sentAt, String expected) {
        RoomMessage message = new RoomMessage(LOBBY, 1, MessageId.of("m-1"), ALICE, "hi", Instant.parse(sentAt));

        assertThat(event(renderer.message(message))).containsEntry("sentAt", expected);
    }

    @Test
    void history_holds_each_message_event_in_order_then_last_seq_more_truncated_and_the_ref() {
        RoomMessage first = new RoomMessage(LOBBY, 3, MessageId.of("m-3"), ALICE, "first", SENT_AT);
        RoomMessage second = new RoomMessage(LOBBY, 5, MessageId.of("m-5"), BOB, "second", SENT_AT.plusMillis(1));

        Map<String, Object> history = event(renderer.history(LOBBY, new HistoryPage(List.of(first, second), 9, true, false), "r-1"));

        assertThat(history).containsExactly(
                entry("type", "history"), entry("room", "lobby"),
                entry("messages", List.of(event(renderer.message(first)), event(renderer.message(second)))),
                entry("lastSeq", 9L), entry("more", true), entry("truncated", false), entry("ref", "r-1"));
    }

    @Test
    void history_says_truncated_true_and_an_empty_page_is_an_empty_array() {
        assertThat(event(renderer.history(LOBBY, new HistoryPage(List.of(), 0, false, true), null))).containsExactly(
                entry("type", "history"), entry("room", "lobby"), entry("messages", List.of()),
                entry("lastSeq", 0L), entry("more", false), entry("truncated", true));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void error_has_the_wire_code_and_the_description_then_the_ref(ErrorCode code) {
        assertThat(event(renderer.error(new ChatError(code, "what was wrong", "r-1")))).containsExactly(
                entry("type", "error"), entry("code", code.wire()), entry("error", "what was wrong"), entry("ref", "r-1"));
        assertThat(event(renderer.error(ChatError.of(code, "what was wrong"))))
                .containsExactly(entry("type", "error"), entry("code", code.wire()), entry("error", "what was wrong"));
    }

    @Test
    void error_codes_are_the_protocols() {
        assertThat(ErrorCode.values()).extracting(ErrorCode::wire)
                .containsExactly("bad_request", "too_large", "not_member", "forbidden", "rate_limited", "internal");
    }

    @Test
    void any_text_is_kept_exactly_in_message_history_and_error() {
        for (String text : AWKWARD_TEXTS) {
            RoomMessage message = new RoomMessage(LOBBY, 1, MessageId.of("m-1"), ALICE, text, SENT_AT);

            assertThat(event(renderer.message(message))).containsEntry("text", text);
            assertThat(event(renderer.history(LOBBY, new HistoryPage(List.of(message), 1, false, false), null)))
                    .containsEntry("messages", List.of(event(renderer.message(message))));
            assertThat(event(renderer.error(ChatError.badRequest(text, null)))).containsEntry("error", text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"quoted\" \\ name", "<b>Alice</b> & Bob", "ünïcödé ✓ 中文 🚀 \u2028"})
    void any_user_name_is_kept_exactly(String name) {
        UserRef user = UserRef.of("user-\"1\"\\", name);
        RoomMessage message = new RoomMessage(LOBBY, 1, MessageId.of("m-1"), user, "hi", SENT_AT);

        assertThat(event(renderer.message(message))).containsEntry("from", user(user));
        assertThat(event(renderer.presence(LOBBY, Presence.JOIN, user))).containsEntry("user", user(user));
        assertThat(event(renderer.members(LOBBY, List.of(new RoomMember(user, 2)), null)))
                .containsEntry("members", List.of(member(user, 2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "r-1", "\"},\"type\":\"x", "ref with \\ and ✓ 🚀 and \t tab",
            "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"})
    void any_ref_is_echoed_unchanged_in_every_reply_to_a_command(String ref) {
        RoomMessage message = new RoomMessage(LOBBY, 1, MessageId.of("m-1"), ALICE, "hi", SENT_AT);

        assertThat(event(renderer.joined(LOBBY, 1, ref))).containsEntry("ref", ref);
        assertThat(event(renderer.left(LOBBY, ref))).containsEntry("ref", ref);
        assertThat(event(renderer.members(LOBBY, List.of(new RoomMember(ALICE, 1)), ref))).containsEntry("ref", ref);
        assertThat(event(renderer.ack(LOBBY, MessageId.of("m-1"), 1, ref))).containsEntry("ref", ref);
        assertThat(event(renderer.history(LOBBY, new HistoryPage(List.of(message), 1, false, false), ref)))
                .containsEntry("ref", ref);
        assertThat(event(renderer.error(ChatError.badRequest("bad", ref)))).containsEntry("ref", ref);
    }

    @Test
    void room_names_and_message_ids_of_every_allowed_character_are_kept() {
        RoomName room = RoomName.of("A-Z_a.z:0-9");
        MessageId id = MessageId.of("A-Z_a-z0-9");

        assertThat(event(renderer.ack(room, id, 1, null))).containsEntry("room", room.value()).containsEntry("id", id.value());
    }

    @Test
    void when_many_threads_render_at_once_then_each_gets_its_own_text() {
        List<String> texts = IntStream.range(0, 400).parallel()
                .mapToObj(i -> renderer.message(new RoomMessage(RoomName.of("room-" + i), i + 1, MessageId.of("m-" + i),
                        ALICE, "text " + i, SENT_AT)))
                .toList();

        for (int i = 0; i < texts.size(); i++) {
            assertThat(event(texts.get(i))).containsEntry("room", "room-" + i)
                    .containsEntry("seq", (long) i + 1).containsEntry("text", "text " + i);
        }
    }

    /**
     * Reads {@code text} as exactly one JSON object, strictly, in the order of its fields, every integer
     * in it (nested ones too) a {@code Long}; fails the test when it is anything else.
     */
    protected static Map<String, Object> event(String text) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) withLongs(ReplyRendererContract.jsonObject(text));
        return fields;
    }

    /** A user as the wire shows it: {@code {"userId":…,"name":…}}. */
    protected static Map<String, Object> user(UserRef user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("userId", user.userId());
        fields.put("name", user.name());
        return fields;
    }

    /** A member as the wire shows it: {@code {"userId":…,"name":…,"connections":k}}. */
    protected static Map<String, Object> member(UserRef user, long connections) {
        Map<String, Object> fields = user(user);
        fields.put("connections", connections);
        return fields;
    }

    /** The field names of a JSON object read by {@link #event}, in their order. */
    protected static List<String> keys(Object object) {
        assertThat(object).isInstanceOf(Map.class);
        return ((Map<?, ?>) object).keySet().stream().map(String.class::cast).toList();
    }

    private static Object withLongs(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        } else if (value instanceof BigInteger big) {
            return big.longValueExact();
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, field) -> copy.put((String) key, withLongs(field)));
            return copy;
        } else if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(withLongs(element)));
            return copy;
        }
        return value;
    }
}
