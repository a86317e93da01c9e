package io.github.wschat.json;

import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.domain.TextLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad input of issue 11 (point 5) for each command, as the client sees the answer: the body read by
 * {@link JsonRoomRequestParser}, a text judged by the {@link TextLimit} as the publish use case does (the
 * port leaves the text's size to it), the error rendered by {@link JsonRoomEventRenderer}: the exact
 * {@code error} event, with the command's {@code ref}.
 */
class RoomBadInputAnswersTest {

    private static final String REF = "r-5";

    private final JsonRoomRequestParser parser = new JsonRoomRequestParser();
    private final JsonRoomEventRenderer renderer = new JsonRoomEventRenderer();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "not JSON, cut short after the ref|{\"action\":\"join\",\"room\":\"lobby\",\"ref\":\"r-5\"|bad_request|body is not valid JSON",
            "not JSON, broken after the ref|{\"ref\":\"r-5\",\"action\":\"publish\",\"text\":hi}|bad_request|body is not valid JSON",
            "missing room (join)|{\"action\":\"join\",\"ref\":\"r-5\"}|bad_request|body has no \\\"room\\\" field",
            "missing room (leave)|{\"action\":\"leave\",\"ref\":\"r-5\"}|bad_request|body has no \\\"room\\\" field",
            "missing room (members)|{\"action\":\"members\",\"ref\":\"r-5\"}|bad_request|body has no \\\"room\\\" field",
            "missing room (publish)|{\"action\":\"publish\",\"id\":\"m-1\",\"text\":\"hi\",\"ref\":\"r-5\"}|bad_request|body has no \\\"room\\\" field",
            "missing room (history)|{\"action\":\"history\",\"ref\":\"r-5\"}|bad_request|body has no \\\"room\\\" field",
            "bad room name (join)|{\"action\":\"join\",\"room\":\"lobby/1\",\"ref\":\"r-5\"}|bad_request|\\\"room\\\" must be 1 to 64 characters of A-Z a-z 0-9 _ - . :",
            "bad room name (leave)|{\"action\":\"leave\",\"room\":\"\",\"ref\":\"r-5\"}|bad_request|\\\"room\\\" must be 1 to 64 characters of A-Z a-z 0-9 _ - . :",
            "bad room name (members)|{\"action\":\"members\",\"room\":\"a b\",\"ref\":\"r-5\"}|bad_request|\\\"room\\\" must be 1 to 64 characters of A-Z a-z 0-9 _ - . :",
            "bad room name (publish)|{\"action\":\"publish\",\"room\":\"<b>\",\"id\":\"m-1\",\"text\":\"hi\",\"ref\":\"r-5\"}|bad_request|\\\"room\\\" must be 1 to 64 characters of A-Z a-z 0-9 _ - . :",
            "bad room name (history)|{\"action\":\"history\",\"room\":7,\"ref\":\"r-5\"}|bad_request|\\\"room\\\" must be a string, was a number",
            "missing id|{\"action\":\"publish\",\"room\":\"lobby\",\"text\":\"hi\",\"ref\":\"r-5\"}|bad_request|body has no \\\"id\\\" field",
            "bad id|{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m 1\",\"text\":\"hi\",\"ref\":\"r-5\"}|bad_request|\\\"id\\\" must be 1 to 64 characters of A-Z a-z 0-9 _ -",
            "empty text|{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":\"\",\"ref\":\"r-5\"}|bad_request|text is empty",
            "missing text|{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"ref\":\"r-5\"}|bad_request|body has no \\\"text\\\" field",
            "limit 0|{\"action\":\"history\",\"room\":\"lobby\",\"limit\":0,\"ref\":\"r-5\"}|bad_request|\\\"limit\\\" must be an integer from 1 to 100, was 0",
            "limit 101|{\"action\":\"history\",\"room\":\"lobby\",\"limit\":101,\"ref\":\"r-5\"}|bad_request|\\\"limit\\\" must be an integer from 1 to 100, was 101",
            "negative after|{\"action\":\"history\",\"room\":\"lobby\",\"after\":-1,\"ref\":\"r-5\"}|bad_request|\\\"after\\\" must be an integer of at least 0, was -1",
            "non-integer after|{\"action\":\"history\",\"room\":\"lobby\",\"after\":2.5,\"ref\":\"r-5\"}|bad_request|\\\"after\\\" must be an integer of at least 0, was a number with a fraction or an exponent",
            "string after|{\"action\":\"history\",\"room\":\"lobby\",\"after\":\"2\",\"ref\":\"r-5\"}|bad_request|\\\"after\\\" must be an integer of at least 0, was a string",
            "non-integer limit|{\"action\":\"history\",\"room\":\"lobby\",\"limit\":true,\"ref\":\"r-5\"}|bad_request|\\\"limit\\\" must be an integer from 1 to 100, was a boolean",
    })
    void a_bad_command_is_answered_with_the_documented_error_and_its_ref(String what, String body, String code, String error) {
        assertThat(answer(body)).isEqualTo("{\"type\":\"error\",\"code\":\"" + code + "\",\"error\":\"" + error + "\",\"ref\":\"" + REF + "\"}");
    }

    @Test
    void an_oversized_text_is_too_large_with_its_ref() {
        String text = "é".repeat(TextLimit.DEFAULT_MAX_BYTES / 2 + 1);

        assertThat(answer("{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":\"" + text + "\",\"ref\":\"r-5\"}"))
                .isEqualTo("{\"type\":\"error\",\"code\":\"too_large\",\"error\":\"text is 32770 bytes, more than the limit of "
                        + "32768 bytes\",\"ref\":\"r-5\"}");
    }

    @Test
    void a_text_of_exactly_the_limit_is_accepted() {
        String text = "x".repeat(TextLimit.DEFAULT_MAX_BYTES);

        assertThat(answer("{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":\"" + text + "\",\"ref\":\"r-5\"}"))
                .isEqualTo("accepted");
    }

    @Test
    void unknown_fields_are_ignored_and_the_ref_kept() {
        RoomRequest request = parser.parse("{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":\"hi\","
                + "\"priority\":\"high\",\"meta\":{\"a\":[1,2]},\"ref\":\"r-5\"}");

        assertThat(request).isEqualTo(new RoomRequest.Publish(RoomName.of("lobby"), MessageId.of("m-1"), "hi", REF));
        assertThat(renderer.ack(RoomName.of("lobby"), MessageId.of("m-1"), 1, request.ref()))
                .isEqualTo("{\"type\":\"ack\",\"room\":\"lobby\",\"id\":\"m-1\",\"seq\":1,\"ref\":\"r-5\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "hi, what can I do here?|body is not valid JSON",
            "{\"action\":\"join\",\"room\":\"lobby\"} trailing|body is not valid JSON",
            "{\"action\":\"join\",|body is not valid JSON",
            "[{\"action\":\"join\",\"room\":\"lobby\",\"ref\":\"r-5\"}]|body must be a JSON object, was an array"})
    void a_body_without_a_readable_ref_is_answered_without_ref(String body, String error) {
        assertThat(answer(body)).isEqualTo("{\"type\":\"error\",\"code\":\"bad_request\",\"error\":\"" + error + "\"}");
    }

    @Test
    void a_bad_ref_is_answered_without_ref() {
        assertThat(answer("{\"action\":\"join\",\"room\":\"lobby\",\"ref\":5}")).isEqualTo(
                "{\"type\":\"error\",\"code\":\"bad_request\",\"error\":\"\\\"ref\\\" must be a string of at most 64 characters, "
                        + "was a number\"}");
    }

    /** The error event answering {@code body}, or {@code accepted} when the command goes on to its use case. */
    private String answer(String body) {
        RoomRequest request = parser.parse(body);
        if (request instanceof RoomRequest.Invalid invalid) {
            return renderer.error(invalid.error());
        }
        if (request instanceof RoomRequest.Publish publish) {
            return TextLimit.DEFAULT.check(publish.text())
                    .map(error -> renderer.error(error.withRef(publish.ref())))
                    .orElse("accepted");
        }
        return "accepted";
    }
}
