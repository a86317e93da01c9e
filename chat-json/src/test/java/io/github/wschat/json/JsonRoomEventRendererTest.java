package io.github.wschat.json;

import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.Presence;
import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact texts of {@link JsonRoomEventRenderer}: compact, in the protocol's order, escaped only as JSON
 * requires. What every renderer must do is in {@link JsonRoomEventRendererContractTest}.
 */
class JsonRoomEventRendererTest {

    private static final RoomName LOBBY = RoomName.of("lobby");
    private static final UserRef ALICE = UserRef.of("user-1", "Alice");
    private static final Instant SENT_AT = Instant.parse("2026-12-02T10:15:30.123Z");

    private final JsonRoomEventRenderer renderer = new JsonRoomEventRenderer();

    @Test
    void joined_left_and_presence() {
        assertThat(renderer.joined(LOBBY, 0, null)).isEqualTo("{\"type\":\"joined\",\"room\":\"lobby\",\"lastSeq\":0}");
        assertThat(renderer.joined(LOBBY, 41, "1")).isEqualTo("{\"type\":\"joined\",\"room\":\"lobby\",\"lastSeq\":41,\"ref\":\"1\"}");
        assertThat(renderer.left(LOBBY, "2")).isEqualTo("{\"type\":\"left\",\"room\":\"lobby\",\"ref\":\"2\"}");
        assertThat(renderer.presence(LOBBY, Presence.JOIN, ALICE)).isEqualTo(
                "{\"type\":\"presence\",\"room\":\"lobby\",\"event\":\"join\",\"user\":{\"userId\":\"user-1\",\"name\":\"Alice\"}}");
        assertThat(renderer.presence(LOBBY, Presence.LEAVE, ALICE)).isEqualTo(
                "{\"type\":\"presence\",\"room\":\"lobby\",\"event\":\"leave\",\"user\":{\"userId\":\"user-1\",\"name\":\"Alice\"}}");
    }

    @Test
    void members_and_ack() {
        List<RoomMember> members = List.of(new RoomMember(ALICE, 2), new RoomMember(UserRef.of("anon:Bq3", "anonymous"), 1));

        assertThat(renderer.members(LOBBY, members, "3")).isEqualTo("{\"type\":\"members\",\"room\":\"lobby\",\"members\":["
                + "{\"userId\":\"user-1\",\"name\":\"Alice\",\"connections\":2},"
                + "{\"userId\":\"anon:Bq3\",\"name\":\"anonymous\",\"connections\":1}],\"ref\":\"3\"}");
        assertThat(renderer.ack(LOBBY, MessageId.of("m-1"), 42, "4"))
                .isEqualTo("{\"type\":\"ack\",\"room\":\"lobby\",\"id\":\"m-1\",\"seq\":42,\"ref\":\"4\"}");
    }

    @Test
    void message_and_history() {
        RoomMessage message = new RoomMessage(LOBBY, 42, MessageId.of("m-1"), ALICE, "hello", SENT_AT);
        String event = "{\"type\":\"message\",\"room\":\"lobby\",\"seq\":42,\"id\":\"m-1\","
                + "\"from\":{\"userId\":\"user-1\",\"name\":\"Alice\"},\"text\":\"hello\",\"sentAt\":\"2026-12-02T10:15:30.123Z\"}";

        assertThat(renderer.message(message)).isEqualTo(event);
        assertThat(renderer.history(LOBBY, new HistoryPage(List.of(message), 42, false, false), "5")).isEqualTo(
                "{\"type\":\"history\",\"room\":\"lobby\",\"messages\":[" + event + "],\"lastSeq\":42,\"more\":false,"
                        + "\"truncated\":false,\"ref\":\"5\"}");
        assertThat(renderer.history(LOBBY, new HistoryPage(List.of(), 42, false, true), null)).isEqualTo(
                "{\"type\":\"history\",\"room\":\"lobby\",\"messages\":[],\"lastSeq\":42,\"more\":false,\"truncated\":true}");
    }

    @Test
    void error() {
        assertThat(renderer.error(ChatError.badRequest("body has no \"room\" field", "6"))).isEqualTo(
                "{\"type\":\"error\",\"code\":\"bad_request\",\"error\":\"body has no \\\"room\\\" field\",\"ref\":\"6\"}");
        assertThat(renderer.error(ChatError.of(ErrorCode.NOT_MEMBER, "not a member of lobby")))
                .isEqualTo("{\"type\":\"error\",\"code\":\"not_member\",\"error\":\"not a member of lobby\"}");
    }

    @Test
    void text_is_escaped_only_as_json_requires_and_non_ascii_is_kept_as_it_is() {
        String text = "\"q\" \\ / \u0000\u001f\n\t\u007f <b>&</b> ünï ✓ 中文 🚀";
        RoomMessage message = new RoomMessage(LOBBY, 1, MessageId.of("m-1"), UserRef.of("u", "Zoë ✓"), text, SENT_AT);

        assertThat(renderer.message(message))
                .contains("\"name\":\"Zoë ✓\"")
                .contains("\"text\":\"\\\"q\\\" \\\\ / \\u0000\\u001F\\n\\t\u007f <b>&</b> ünï ✓ 中文 🚀\"");
    }
}
