package io.github.wschat.core.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The values of rooms keep the protocol's rules (PROTOCOL §1, §3–6). */
class RoomValuesTest {

    private static final Instant SENT_AT = Instant.parse("2026-12-02T10:15:30.123Z");
    private static final RoomName LOBBY = RoomName.of("lobby");
    private static final UserRef ALICE = UserRef.of("user-1", "Alice");

    @ParameterizedTest
    @ValueSource(strings = {"a", "lobby", "private-team-a", "A-Z_a.z:0-9", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void given_a_name_of_the_allowed_characters_then_it_is_a_room(String name) {
        assertThat(RoomName.isValid(name)).isTrue();
        assertThat(RoomName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "no spaces", "é", "a/b", "a*", "a\nb", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void given_any_other_name_then_it_is_refused_without_echoing_control_characters(String name) {
        assertThat(RoomName.isValid(name)).isFalse();
        assertThatThrownBy(() -> RoomName.of(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
        assertThat(RoomName.isValid(null)).isFalse();
    }

    @Test
    void a_room_is_private_when_its_name_starts_with_private_dash() {
        assertThat(RoomName.of("private-team").isPrivate()).isTrue();
        assertThat(RoomName.of("private").isPrivate()).isFalse();
        assertThat(RoomName.of("team-private-").isPrivate()).isFalse();
        assertThat(LOBBY.isPrivate()).isFalse();
    }

    @Test
    void a_message_id_is_1_to_64_of_letters_digits_underscore_and_dash() {
        assertThat(MessageId.isValid("m-1_A")).isTrue();
        assertThat(MessageId.isValid("x".repeat(64))).isTrue();
        assertThat(MessageId.isValid("x".repeat(65))).isFalse();
        assertThat(MessageId.isValid("")).isFalse();
        assertThat(MessageId.isValid("a.b")).isFalse();
        assertThat(MessageId.isValid("a:b")).isFalse();
        assertThat(MessageId.isValid(null)).isFalse();
        assertThatThrownBy(() -> MessageId.of("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_users_ref_is_its_id_and_name_without_grants() {
        UserIdentity identity = UserIdentity.of("user-1", "Alice", List.of("private-*"));

        assertThat(identity.ref()).isEqualTo(ALICE);
        assertThat(UserIdentity.anonymous(ConnectionId.of("C1")).ref()).isEqualTo(UserRef.of("anon:C1", "anonymous"));
        assertThatThrownBy(() -> UserRef.of(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserRef.of("u", "a\u0085b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_new_message_keeps_milliseconds_and_becomes_a_room_message_under_a_seq() {
        NewMessage draft = new NewMessage(LOBBY, MessageId.of("m1"), ALICE, "hi", Instant.parse("2026-12-02T10:15:30.123456789Z"));

        RoomMessage stored = RoomMessage.of(draft, 7);

        assertThat(draft.sentAt()).isEqualTo(SENT_AT);
        assertThat(stored).isEqualTo(new RoomMessage(LOBBY, 7, MessageId.of("m1"), ALICE, "hi", SENT_AT));
        assertThatThrownBy(() -> RoomMessage.of(draft, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewMessage(LOBBY, MessageId.of("m1"), ALICE, "", SENT_AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_member_has_at_least_one_connection() {
        assertThat(new RoomMember(ALICE, 2).connections()).isEqualTo(2);
        assertThatThrownBy(() -> new RoomMember(ALICE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_history_page_is_seq_ascending_never_below_its_last_message_and_copies_its_messages() {
        List<RoomMessage> messages = new ArrayList<>(List.of(message(2), message(5)));
        HistoryPage page = new HistoryPage(messages, 6, true, false);
        messages.clear();

        assertThat(page.messages()).extracting(RoomMessage::seq).containsExactly(2L, 5L);
        assertThat(page.nextAfter(0)).isEqualTo(5);
        assertThat(new HistoryPage(List.of(), 0, false, false).nextAfter(3)).isEqualTo(3);
        assertThatThrownBy(() -> new HistoryPage(List.of(message(5), message(2)), 6, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryPage(List.of(message(5), message(5)), 6, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new HistoryPage(List.of(message(7)), 6, false, false).lastSeq())
                .as("a counter read before a message appended meanwhile").isEqualTo(7);
        assertThatThrownBy(() -> new HistoryPage(List.of(), -1, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_text_limit_is_32_kb_of_utf8_by_default_and_answers_empty_and_oversized_texts() {
        assertThat(TextLimit.DEFAULT.maxBytes()).isEqualTo(32_768);
        assertThat(TextLimit.DEFAULT.check("x".repeat(32_768))).isEmpty();
        assertThat(TextLimit.DEFAULT.check("x".repeat(32_769))).get().extracting(ChatError::code)
                .isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(TextLimit.ofBytes(4).check("éé")).isEmpty();
        assertThat(TextLimit.ofBytes(4).check("ééx")).get().extracting(ChatError::description)
                .isEqualTo("text is 5 bytes, more than the limit of 4 bytes");
        assertThat(TextLimit.DEFAULT.check("")).get().extracting(ChatError::code).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(TextLimit.DEFAULT.check(null)).get().extracting(ChatError::ref).isNull();
        assertThatThrownBy(() -> TextLimit.ofBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_error_has_the_protocols_code_a_description_and_an_optional_ref_of_at_most_64_characters() {
        ChatError error = ChatError.of(ErrorCode.NOT_MEMBER, "not a member of lobby").withRef("r".repeat(64));

        assertThat(error.ref()).hasSize(64);
        assertThat(ChatError.badRequest("bad room", null).ref()).isNull();
        assertThatThrownBy(() -> error.withRef("r".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatError.of(ErrorCode.INTERNAL, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(ErrorCode.values())).extracting(ErrorCode::wire).containsExactly(
                "bad_request", "too_large", "not_member", "forbidden", "rate_limited", "internal");
        assertThat(List.of(Presence.values())).extracting(Presence::wire).containsExactly("join", "leave");
    }

    @Test
    void a_parsed_history_request_keeps_after_and_limit_in_range_and_every_request_its_ref() {
        assertThat(new RoomRequest.History(LOBBY, 0, 1, null).limit()).isEqualTo(1);
        assertThat(new RoomRequest.History(LOBBY, 5, 100, "r1").ref()).isEqualTo("r1");
        assertThatThrownBy(() -> new RoomRequest.History(LOBBY, -1, 100, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomRequest.History(LOBBY, 0, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomRequest.History(LOBBY, 0, 101, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomRequest.Join(LOBBY, "r".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RoomRequest.Invalid(ChatError.badRequest("room is missing", "r2")).ref()).isEqualTo("r2");
        assertThat(RoomRequest.isValidRef(null)).isTrue();
    }

    @Test
    void a_fan_out_to_nobody_counts_nothing() {
        assertThat(BroadcastReport.none()).isEqualTo(new BroadcastReport(0, 0, 0, 0, List.of()));
    }

    private static RoomMessage message(long seq) {
        return new RoomMessage(LOBBY, seq, MessageId.of("m" + seq), ALICE, "text " + seq, SENT_AT);
    }
}
