package io.github.wschat.json;

import io.github.wschat.core.contract.RoomRequestParserContract;
import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.port.out.RoomRequestParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact error texts of {@link JsonRoomRequestParser} and its choices where the protocol is silent
 * (duplicate fields), besides the {@link RoomRequestParserContract} every parser keeps.
 */
class JsonRoomRequestParserTest extends RoomRequestParserContract {

    @Override
    protected RoomRequestParser createParser() {
        return new JsonRoomRequestParser();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "hi, what can I do here?|body is not valid JSON",
            "{\"action\":\"join\",\"room\":\"lobby\"} trailing|body is not valid JSON",
            "{\"action\":\"join\",\"room\":\"lobby\"|body is not valid JSON",
            "[{\"action\":\"join\"}]|body must be a JSON object, was an array",
            "\"join\"|body must be a JSON object, was a string",
            "42|body must be a JSON object, was a number",
            "null|body must be a JSON object, was null",
            "{\"room\":\"lobby\"}|body has no \"action\" field",
            "{\"action\":null,\"room\":\"lobby\"}|\"action\" must be a string, was null",
            "{\"action\":\"sendmessage\",\"room\":\"lobby\"}|\"action\" must be one of join, leave, members, publish, history",
            "{\"action\":\"publishing\",\"room\":\"lobby\"}|\"action\" must be one of join, leave, members, publish, history",
            "{\"action\":\"join\"}|body has no \"room\" field",
            "{\"action\":\"join\",\"room\":42}|\"room\" must be a string, was a number",
            "{\"action\":\"join\",\"room\":{\"name\":\"lobby\"}}|\"room\" must be a string, was an object",
            "{\"action\":\"join\",\"room\":\"lobby 1\"}|\"room\" must be 1 to 64 characters of A-Z a-z 0-9 _ - . :",
            "{\"action\":\"join\",\"room\":\"\"}|\"room\" must be 1 to 64 characters of A-Z a-z 0-9 _ - . :",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"text\":\"hi\"}|body has no \"id\" field",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":7,\"text\":\"hi\"}|\"id\" must be a string, was a number",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m.1\",\"text\":\"hi\"}|\"id\" must be 1 to 64 characters of A-Z a-z 0-9 _ -",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\"}|body has no \"text\" field",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":[\"hi\"]}|\"text\" must be a string, was an array",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":true}|\"text\" must be a string, was a boolean",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":0}|\"limit\" must be an integer from 1 to 100, was 0",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":101}|\"limit\" must be an integer from 1 to 100, was 101",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":\"50\"}|\"limit\" must be an integer from 1 to 100, was a string",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":50.0}|\"limit\" must be an integer from 1 to 100, was a number with a fraction or an exponent",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":null}|\"limit\" must be an integer from 1 to 100, was null",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":-1}|\"after\" must be an integer of at least 0, was -1",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":1e3}|\"after\" must be an integer of at least 0, was a number with a fraction or an exponent",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":18446744073709551616}|\"after\" must be an integer of at least 0, was an integer out of range",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":[1]}|\"after\" must be an integer of at least 0, was an array",
            "{\"action\":\"join\",\"room\":\"lobby\",\"ref\":7}|\"ref\" must be a string of at most 64 characters, was a number",
            "{\"action\":\"join\",\"room\":\"lobby\",\"ref\":null}|\"ref\" must be a string of at most 64 characters, was null",
    })
    void a_bad_body_is_answered_with_a_text_naming_the_field(String body, String expected) {
        assertThat(invalid(body).description()).isEqualTo(expected);
    }

    @Test
    void an_empty_body_says_so() {
        assertThat(invalid(null).description()).isEqualTo("body is empty");
        assertThat(invalid(" \n").description()).isEqualTo("body is empty");
    }

    @Test
    void a_too_long_ref_is_answered_with_its_length_and_without_ref() {
        ChatError error = invalid("{\"action\":\"join\",\"room\":\"lobby\",\"ref\":\"" + "r".repeat(65) + "\"}");

        assertThat(error).isEqualTo(ChatError.badRequest("\"ref\" must be a string of at most 64 characters, has 65", null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"action\":\"join\",\"action\":\"publish\",\"room\":\"lobby\",\"ref\":\"r-1\"}|action",
            "{\"action\":\"join\",\"room\":\"lobby\",\"room\":\"other\",\"ref\":\"r-1\"}|room",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"id\":\"m-2\",\"text\":\"hi\",\"ref\":\"r-1\"}|id",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":\"hi\",\"text\":\"ho\",\"ref\":\"r-1\"}|text",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":1,\"after\":2,\"ref\":\"r-1\"}|after",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":1,\"limit\":2,\"ref\":\"r-1\"}|limit"})
    void a_field_the_command_reads_given_twice_is_a_bad_request_with_the_ref(String body, String field) {
        assertThat(invalid(body)).isEqualTo(ChatError.badRequest('"' + field + "\" is given more than once", "r-1"));
    }

    @Test
    void a_ref_given_twice_is_a_bad_request_without_ref() {
        assertThat(invalid("{\"action\":\"join\",\"room\":\"lobby\",\"ref\":\"a\",\"ref\":\"b\"}"))
                .isEqualTo(ChatError.badRequest("\"ref\" is given more than once", null));
    }

    @Test
    void fields_the_command_does_not_read_may_be_given_twice() {
        assertThat(parser().parse("{\"action\":\"join\",\"room\":\"lobby\",\"x\":1,\"x\":2,\"text\":\"a\",\"text\":\"b\"}"))
                .isEqualTo(new RoomRequest.Join(LOBBY, null));
    }

    @Test
    void the_first_problem_in_the_order_ref_action_room_id_text_after_limit_is_answered() {
        assertThat(invalid("{\"action\":\"publish\",\"room\":\"a b\",\"ref\":5}").description()).startsWith("\"ref\"");
        assertThat(invalid("{\"action\":5,\"room\":\"a b\"}").description()).startsWith("\"action\"");
        assertThat(invalid("{\"action\":\"publish\",\"text\":5,\"id\":\"a b\",\"room\":\"a b\"}").description()).startsWith("\"room\"");
        assertThat(invalid("{\"action\":\"publish\",\"text\":5,\"id\":\"a b\",\"room\":\"lobby\"}").description()).startsWith("\"id\"");
        assertThat(invalid("{\"action\":\"history\",\"limit\":0,\"after\":-1,\"room\":\"lobby\"}").description()).startsWith("\"after\"");
    }

    @Test
    void a_body_of_the_gateways_largest_size_is_read_in_one_pass() {
        String text = "é".repeat(60_000);
        String body = "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":\"" + text + "\",\"ref\":\"r-1\"}";

        assertThat(parser().parse(body)).isEqualTo(new RoomRequest.Publish(LOBBY, MessageId.of("m-1"), text, "r-1"));
    }

    @Test
    void deeply_nested_unknown_fields_are_skipped() {
        String nested = "[".repeat(500) + "]".repeat(500);

        assertThat(parser().parse("{\"action\":\"leave\",\"deep\":" + nested + ",\"room\":\"lobby\"}"))
                .isEqualTo(new RoomRequest.Leave(LOBBY, null));
    }
}
