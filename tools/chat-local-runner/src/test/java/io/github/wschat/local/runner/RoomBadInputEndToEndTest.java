package io.github.wschat.local.runner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 5, bad input and non-members, end to end: each bad room command of a member, and each
 * command of a connection not in the room, is answered to its sender only with PROTOCOL §6's error and
 * the command's {@code ref}; nothing is stored (the room's history is unchanged) and the two bystanders in
 * the room, told nothing meanwhile, still chat afterwards.
 */
class RoomBadInputEndToEndTest {

    private static final String REF = "r-5";
    private static final String ROOM_NAME_RULE = "\\\"room\\\" must be 1 to 64 characters of A-Z a-z 0-9 _ - . :";

    private String room;
    private RoomClient alice;
    private RoomClient bob;
    private RoomClient sender;
    private Map<String, Object> historyBefore;
    private Map<String, Object> membersBefore;

    @BeforeEach
    void aRoomWithTwoBystandersAMessageAndTheSender() throws Exception {
        room = "bad-" + System.nanoTime();
        alice = RoomClient.connect();
        bob = RoomClient.connect();
        sender = RoomClient.connect();
        alice.join(room);
        bob.join(room);
        sender.join(room);
        alice.next(2);
        bob.next(1);
        alice.publish(room, "before", "the room's first message");
        alice.next();
        bob.next();
        sender.next();
        alice.awaitHandled("publish");
        historyBefore = history(alice);
        membersBefore = members(alice);
    }

    @AfterEach
    void nothingWasStoredNobodyWasToldAndTheRoomStillChats() throws Exception {
        try {
            assertThat(alice.arrivedWithin(Duration.ofMillis(200))).as("what alice was told").isEmpty();
            assertThat(bob.arrivedWithin(Duration.ofMillis(50))).as("what bob was told").isEmpty();
            assertThat(history(alice)).as("the room's history").isEqualTo(historyBefore);
            assertThat(members(alice)).as("the room's members").isEqualTo(membersBefore);

            alice.publish(room, "after", "still fine?");
            int next = ((Number) historyBefore.get("lastSeq")).intValue() + 1;
            assertThat(alice.next()).containsEntry("type", "ack").containsEntry("seq", next);
            assertThat(bob.next()).containsEntry("type", "message").containsEntry("text", "still fine?");
            alice.awaitHandled("publish");
        } finally {
            alice.close();
            bob.close();
            sender.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing room (join)|{\"action\":\"join\",\"ref\":\"r-5\"}|join|bad_request|body has no \\\"room\\\" field",
            "missing room (leave)|{\"action\":\"leave\",\"ref\":\"r-5\"}|leave|bad_request|body has no \\\"room\\\" field",
            "missing room (members)|{\"action\":\"members\",\"ref\":\"r-5\"}|members|bad_request|body has no \\\"room\\\" field",
            "missing room (publish)|{\"action\":\"publish\",\"id\":\"m-1\",\"text\":\"hi\",\"ref\":\"r-5\"}|publish|bad_request|body has no \\\"room\\\" field",
            "missing room (history)|{\"action\":\"history\",\"ref\":\"r-5\"}|history|bad_request|body has no \\\"room\\\" field",
            "bad room name (join)|{\"action\":\"join\",\"room\":\"lobby/1\",\"ref\":\"r-5\"}|join|bad_request|" + ROOM_NAME_RULE,
            "bad room name (leave)|{\"action\":\"leave\",\"room\":\"\",\"ref\":\"r-5\"}|leave|bad_request|" + ROOM_NAME_RULE,
            "bad room name (members)|{\"action\":\"members\",\"room\":\"a b\",\"ref\":\"r-5\"}|members|bad_request|" + ROOM_NAME_RULE,
            "bad room name (publish)|{\"action\":\"publish\",\"room\":\"<b>\",\"id\":\"m-1\",\"text\":\"hi\",\"ref\":\"r-5\"}|publish|bad_request|" + ROOM_NAME_RULE,
            "bad room name (history)|{\"action\":\"history\",\"room\":7,\"ref\":\"r-5\"}|history|bad_request|\\\"room\\\" must be a string, was a number",
            "not JSON after the route|{\"action\":\"publish\",\"room\":ROOM,\"id\":\"m-1\",\"text\":hi,\"ref\":\"r-5\"}|$default|info|",
    })
    void a_bad_command_is_answered_to_its_sender_with_the_documented_error_and_its_ref(String what, String frame,
            String route, String code, String error) throws Exception {
        sender.sendRaw(frame.replace("ROOM", "\"" + room + "\""));

        if ("info".equals(code)) {
            // not JSON: API Gateway cannot read its action, so $default answers, as the tutorial's (PROTOCOL §0)
            assertThat(sender.nextRaw()).startsWith("Use the sendmessage route to send a message. Your info:");
        } else {
            assertThat(sender.nextRaw()).isEqualTo(error(code, error));
        }
        sender.awaitHandled(route);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing id|{\"action\":\"publish\",\"room\":ROOM,\"text\":\"hi\",\"ref\":\"r-5\"}|body has no \\\"id\\\" field",
            "bad id|{\"action\":\"publish\",\"room\":ROOM,\"id\":\"m 1\",\"text\":\"hi\",\"ref\":\"r-5\"}|\\\"id\\\" must be 1 to 64 characters of A-Z a-z 0-9 _ -",
            "id of 65 characters|{\"action\":\"publish\",\"room\":ROOM,\"id\":\"iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii\",\"text\":\"hi\",\"ref\":\"r-5\"}|\\\"id\\\" must be 1 to 64 characters of A-Z a-z 0-9 _ -",
            "empty text|{\"action\":\"publish\",\"room\":ROOM,\"id\":\"m-1\",\"text\":\"\",\"ref\":\"r-5\"}|text is empty",
            "missing text|{\"action\":\"publish\",\"room\":ROOM,\"id\":\"m-1\",\"ref\":\"r-5\"}|body has no \\\"text\\\" field",
            "limit 0|{\"action\":\"history\",\"room\":ROOM,\"limit\":0,\"ref\":\"r-5\"}|\\\"limit\\\" must be an integer from 1 to 100, was 0",
            "limit 101|{\"action\":\"history\",\"room\":ROOM,\"limit\":101,\"ref\":\"r-5\"}|\\\"limit\\\" must be an integer from 1 to 100, was 101",
            "negative after|{\"action\":\"history\",\"room\":ROOM,\"after\":-1,\"ref\":\"r-5\"}|\\\"after\\\" must be an integer of at least 0, was -1",
            "string after|{\"action\":\"history\",\"room\":ROOM,\"after\":\"2\",\"ref\":\"r-5\"}|\\\"after\\\" must be an integer of at least 0, was a string",
    })
    void a_bad_field_of_a_members_command_is_a_bad_request_with_its_ref(String what, String frame, String error)
            throws Exception {
        sender.sendRaw(frame.replace("ROOM", "\"" + room + "\""));

        assertThat(sender.nextRaw()).isEqualTo(error("bad_request", error));
        sender.awaitHandled(frame.contains("publish") ? "publish" : "history");
    }

    @Test
    void an_oversized_text_is_too_large_with_its_ref() throws Exception {
        String frame = "{\"action\":\"publish\",\"room\":\"" + room + "\",\"id\":\"big\",\"text\":\"" + "x".repeat(32_769)
                + "\",\"ref\":\"r-5\"}";
        // API Gateway takes frames of at most 32 KB: a client sends such a message in two
        sender.sendInFrames(List.of(frame.substring(0, 20_000), frame.substring(20_000)));

        assertThat(sender.nextRaw())
                .isEqualTo(error("too_large", "text is 32769 bytes, more than the limit of 32768 bytes"));
        sender.awaitHandled("publish");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"publish", "history", "members"})
    void a_connection_not_in_the_room_gets_not_member_with_its_ref(String action) throws Exception {
        try (RoomClient outsider = RoomClient.connect()) {
            outsider.send(Map.of("action", action, "room", room, "id", "m-9", "text", "let me in", "ref", REF));

            Map<String, Object> answer = outsider.next();
            assertThat(answer).containsEntry("type", "error").containsEntry("code", "not_member").containsEntry("ref", REF);
            assertThat((String) answer.get("error")).contains(room);
            outsider.awaitHandled(action);
        }
    }

    @Test
    void unknown_fields_are_ignored_and_the_command_served_with_its_ref() throws Exception {
        sender.sendRaw("{\"action\":\"publish\",\"room\":\"" + room + "\",\"id\":\"extra\",\"text\":\"hi\",\"priority\":\"high\","
                + "\"meta\":{\"a\":[1,2]},\"ref\":\"r-5\"}");

        assertThat(sender.nextRaw()).isEqualTo("{\"type\":\"ack\",\"room\":\"" + room + "\",\"id\":\"extra\",\"seq\":2,\"ref\":\"r-5\"}");
        assertThat(alice.next()).containsEntry("id", "extra").containsEntry("seq", 2).doesNotContainKeys("priority", "meta");
        assertThat(bob.next()).containsEntry("id", "extra");
        sender.awaitHandled("publish");
        // stored, as it should be: the check after each test starts from here
        historyBefore = history(alice);
    }

    private static String error(String code, String error) {
        return "{\"type\":\"error\",\"code\":\"" + code + "\",\"error\":\"" + error + "\",\"ref\":\"" + REF + "\"}";
    }

    private Map<String, Object> history(RoomClient member) throws Exception {
        return ask(member, "history");
    }

    private Map<String, Object> members(RoomClient member) throws Exception {
        return ask(member, "members");
    }

    private Map<String, Object> ask(RoomClient member, String action) throws Exception {
        member.send(Map.of("action", action, "room", room));
        Map<String, Object> answer = member.next();
        assertThat(answer).containsEntry("type", action);
        member.awaitHandled(action);
        return answer;
    }
}
