package io.github.wschat.core.contract;

import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.port.out.RoomRequestParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RoomRequestParser} must do (PROTOCOL §1, §3–5, and the port's documentation): read
 * the five room commands with their {@code ref}, defaults and bounds, ignore the fields the protocol does
 * not name, and answer every other text with a {@code bad_request} that names the field, echoes a valid
 * {@code ref} and never the body's values; never throw. An adapter's test extends this class and says how
 * to make a parser.
 *
 * <pre>{@code
 * class MyRoomRequestParserTest extends RoomRequestParserContract {
 *     protected RoomRequestParser createParser() { return new MyRoomRequestParser(); }
 * }
 * }</pre>
 */
public abstract class RoomRequestParserContract {

    protected static final RoomName LOBBY = RoomName.of("lobby");

    private RoomRequestParser parser;

    /** A new parser; called before each test. */
    protected abstract RoomRequestParser createParser();

    @BeforeEach
    void setUpParser() {
        parser = createParser();
    }

    protected RoomRequestParser parser() {
        return parser;
    }

    @Test
    void given_each_room_command_without_ref_then_its_request_with_a_null_ref() {
        assertThat(parser.parse("{\"action\":\"join\",\"room\":\"lobby\"}")).isEqualTo(new RoomRequest.Join(LOBBY, null));
        assertThat(parser.parse("{\"action\":\"leave\",\"room\":\"lobby\"}")).isEqualTo(new RoomRequest.Leave(LOBBY, null));
        assertThat(parser.parse("{\"action\":\"members\",\"room\":\"lobby\"}")).isEqualTo(new RoomRequest.Members(LOBBY, null));
        assertThat(parser.parse("{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":\"hi\"}"))
                .isEqualTo(new RoomRequest.Publish(LOBBY, MessageId.of("m-1"), "hi", null));
        assertThat(parser.parse("{\"action\":\"history\",\"room\":\"lobby\",\"after\":7,\"limit\":20}"))
                .isEqualTo(new RoomRequest.History(LOBBY, 7, 20, null));
    }

    @Test
    void given_each_room_command_with_a_ref_then_the_ref_is_kept_unchanged() {
        String ref = "ref \"1\" ✓ \\ 🚀";
        String json = "\"ref \\\"1\\\" ✓ \\\\ \\ud83d\\ude80\"";

        assertThat(parser.parse("{\"ref\":" + json + ",\"action\":\"join\",\"room\":\"lobby\"}"))
                .isEqualTo(new RoomRequest.Join(LOBBY, ref));
        assertThat(parser.parse("{\"action\":\"leave\",\"room\":\"lobby\",\"ref\":" + json + "}"))
                .isEqualTo(new RoomRequest.Leave(LOBBY, ref));
        assertThat(parser.parse("{\"action\":\"members\",\"ref\":" + json + ",\"room\":\"lobby\"}"))
                .isEqualTo(new RoomRequest.Members(LOBBY, ref));
        assertThat(parser.parse("{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":\"hi\",\"ref\":" + json + "}"))
                .isEqualTo(new RoomRequest.Publish(LOBBY, MessageId.of("m-1"), "hi", ref));
        assertThat(parser.parse("{\"action\":\"history\",\"room\":\"lobby\",\"ref\":" + json + "}"))
                .isEqualTo(new RoomRequest.History(LOBBY, 0, 100, ref));
    }

    @Test
    void given_a_ref_of_exactly_the_longest_length_and_an_empty_one_then_both_are_kept() {
        String longest = "r".repeat(RoomRequest.MAX_REF_LENGTH);

        assertThat(parser.parse("{\"action\":\"join\",\"room\":\"lobby\",\"ref\":\"" + longest + "\"}"))
                .isEqualTo(new RoomRequest.Join(LOBBY, longest));
        assertThat(parser.parse("{\"action\":\"join\",\"room\":\"lobby\",\"ref\":\"\"}"))
                .isEqualTo(new RoomRequest.Join(LOBBY, ""));
    }

    @Test
    void given_history_without_after_and_limit_then_the_defaults() {
        assertThat(parser.parse("{\"action\":\"history\",\"room\":\"lobby\"}"))
                .isEqualTo(new RoomRequest.History(LOBBY, RoomRequest.DEFAULT_AFTER, RoomRequest.DEFAULT_LIMIT, null));
    }

    @ParameterizedTest(name = "after {0}, limit {1}")
    @CsvSource({"0,1", "0,100", "1,50", "9223372036854775807,100"})
    void given_history_with_after_and_limit_in_range_then_they_are_read(long after, int limit) {
        assertThat(parser.parse("{\"action\":\"history\",\"room\":\"lobby\",\"after\":" + after + ",\"limit\":" + limit + "}"))
                .isEqualTo(new RoomRequest.History(LOBBY, after, limit, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "private-team-a", "A-Z_a.z:0-9",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void given_any_room_name_of_the_protocol_then_it_is_read(String room) {
        assertThat(parser.parse("{\"action\":\"join\",\"room\":\"" + room + "\"}"))
                .isEqualTo(new RoomRequest.Join(RoomName.of(room), null));
    }

    @Test
    void given_fields_the_protocol_does_not_name_then_they_are_ignored_whatever_they_hold() {
        String body = "{\"v\":2,\"action\":\"publish\",\"extra\":{\"room\":\"other\",\"a\":[1,{\"b\":null}]},"
                + "\"room\":\"lobby\",\"tags\":[\"x\",[\"y\"]],\"id\":\"m-1\",\"text\":\"hi\",\"flag\":true,\"n\":1.5e3}";

        assertThat(parser.parse(body)).isEqualTo(new RoomRequest.Publish(LOBBY, MessageId.of("m-1"), "hi", null));
    }

    @Test
    void given_fields_of_other_commands_then_they_are_ignored() {
        assertThat(parser.parse("{\"action\":\"join\",\"room\":\"lobby\",\"id\":\"not an id!\",\"text\":5,\"limit\":0}"))
                .isEqualTo(new RoomRequest.Join(LOBBY, null));
    }

    @Test
    void given_a_text_with_escapes_and_non_ascii_then_it_is_decoded_exactly() {
        String body = "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\","
                + "\"text\":\"a \\\"quote\\\" \\\\ \\/ \\u00e9 ünï 中文 🚀 \\ud83d\\ude80\\n\\t\\u0000 <b>x</b>\"}";

        assertThat(parser.parse(body)).isEqualTo(new RoomRequest.Publish(LOBBY, MessageId.of("m-1"),
                "a \"quote\" \\ / é ünï 中文 🚀 🚀\n\t\u0000 <b>x</b>", null));
    }

    @Test
    void given_an_empty_or_oversized_text_then_a_publish_whose_size_the_use_case_judges() {
        String big = "x".repeat(40_000);

        assertThat(parser.parse("{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":\"\"}"))
                .isEqualTo(new RoomRequest.Publish(LOBBY, MessageId.of("m-1"), "", null));
        assertThat(parser.parse("{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":\"" + big + "\"}"))
                .isEqualTo(new RoomRequest.Publish(LOBBY, MessageId.of("m-1"), big, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"room\":\"lobby\",\"ref\":\"r-1\"}",
            "{\"action\":\"dance\",\"room\":\"lobby\",\"ref\":\"r-1\"}",
            "{\"action\":7,\"room\":\"lobby\",\"ref\":\"r-1\"}",
            "{\"action\":\"JOIN\",\"room\":\"lobby\",\"ref\":\"r-1\"}",
            "{\"action\":\"join\",\"ref\":\"r-1\"}",
            "{\"action\":\"join\",\"room\":null,\"ref\":\"r-1\"}",
            "{\"action\":\"leave\",\"room\":[\"lobby\"],\"ref\":\"r-1\"}",
            "{\"action\":\"members\",\"room\":\"no spaces\",\"ref\":\"r-1\"}",
            "{\"action\":\"join\",\"room\":\"\",\"ref\":\"r-1\"}",
            "{\"action\":\"join\",\"room\":\"é\",\"ref\":\"r-1\"}",
            "{\"action\":\"join\",\"room\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"ref\":\"r-1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"text\":\"hi\",\"ref\":\"r-1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"a.b\",\"text\":\"hi\",\"ref\":\"r-1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"\",\"text\":\"hi\",\"ref\":\"r-1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":12,\"text\":\"hi\",\"ref\":\"r-1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"ref\":\"r-1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":null,\"ref\":\"r-1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":{\"t\":\"hi\"},\"ref\":\"r-1\"}",
            "{\"action\":\"publish\",\"id\":\"m-1\",\"text\":\"hi\",\"ref\":\"r-1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":0,\"ref\":\"r-1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":101,\"ref\":\"r-1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":-1,\"ref\":\"r-1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":\"10\",\"ref\":\"r-1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":10.5,\"ref\":\"r-1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":-1,\"ref\":\"r-1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":\"0\",\"ref\":\"r-1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":1.5,\"ref\":\"r-1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":true,\"ref\":\"r-1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":99999999999999999999999,\"ref\":\"r-1\"}",
            "{\"action\":\"history\",\"after\":1,\"ref\":\"r-1\"}"})
    void given_a_json_object_with_a_bad_command_then_bad_request_with_its_ref(String body) {
        ChatError error = invalid(body);

        assertThat(error.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(error.ref()).isEqualTo("r-1");
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"room\":\"lobby\"}|action",
            "{\"action\":\"dance\",\"room\":\"lobby\"}|action",
            "{\"action\":\"join\"}|room",
            "{\"action\":\"join\",\"room\":\"a b\"}|room",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"text\":\"hi\"}|id",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"a b\",\"text\":\"hi\"}|id",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\"}|text",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":0}|limit",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":-1}|after",
            "{\"action\":\"join\",\"room\":\"lobby\",\"ref\":1}|ref"})
    void given_a_bad_field_then_the_error_names_it(String body, String field) {
        assertThat(invalid(body).description()).contains(field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"action\":\"join\",\"room\":\"lobby\",\"ref\":1}",
            "{\"action\":\"join\",\"room\":\"lobby\",\"ref\":null}",
            "{\"action\":\"join\",\"room\":\"lobby\",\"ref\":[\"r-1\"]}",
            "{\"action\":\"join\",\"room\":\"lobby\",\"ref\":{\"id\":\"r-1\"}}",
            "{\"action\":\"join\",\"room\":\"lobby\",\"ref\":\"rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr\"}",
            "{\"action\":\"join\",\"room\":\"bad name\",\"ref\":true}"})
    void given_a_ref_that_is_not_a_string_of_at_most_64_characters_then_bad_request_without_ref(String body) {
        ChatError error = invalid(body);

        assertThat(error.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(error.ref()).isNull();
        assertThat(error.description()).contains("ref");
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @ValueSource(strings = {"", "   ", "hi, what can I do here?", "{", "}", "[", "{\"action\":", "{\"action\":\"join\"",
            "{\"action\":\"join\",\"room\":\"lobby\"} trailing", "{}{}", "{\"action\":'join'}", "{action:\"join\"}",
            "\u0000", "\uD800", "null", "0", "\"join\"", "[{\"action\":\"join\",\"room\":\"lobby\"}]", "true",
            "{\"action\":\"join\",\"room\":\"lobby\",} ", "/* c */ {\"action\":\"join\",\"room\":\"lobby\"}"})
    void given_a_text_that_is_no_json_object_then_bad_request_without_ref(String body) {
        ChatError error = invalid(body);

        assertThat(error.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(error.ref()).isNull();
    }

    @Test
    void given_no_body_then_bad_request() {
        assertThat(invalid(null).code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"action\":\"join\",\"room\":\"s3cr3t room\"}",
            "{\"action\":\"s3cr3t\",\"room\":\"lobby\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"s3cr3t!\",\"text\":\"hi\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":\"s3cr3t\"}",
            "{\"action\":\"join\",\"room\":\"lobby\",\"ref\":\"s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t\"}",
            "{\"action\":\"join\",\"room\":\"s3cr3t\u0000\n\u001b\"}",
            "{\"s3cr3t\":\"s3cr3t\", broken"})
    void given_a_bad_value_then_the_error_never_echoes_it_nor_a_control_character(String body) {
        String description = invalid(body).description();

        assertThat(description).doesNotContain("s3cr3t").doesNotContainPattern("\\p{Cc}");
    }

    @Test
    void given_a_huge_bad_value_then_a_short_error() {
        String body = "{\"action\":\"join\",\"room\":\"" + "x".repeat(128 * 1024 - 100) + "\",\"ref\":\"r-1\"}";

        ChatError error = invalid(body);

        assertThat(error.ref()).isEqualTo("r-1");
        assertThat(error.description()).hasSizeLessThan(200);
    }

    @Test
    void when_many_threads_parse_at_once_then_each_gets_its_own_request() {
        List<RoomRequest> requests = IntStream.range(0, 400).parallel()
                .mapToObj(i -> parser.parse("{\"action\":\"publish\",\"room\":\"room-" + i + "\",\"id\":\"m-" + i
                        + "\",\"text\":\"text " + i + "\",\"ref\":\"r-" + i + "\"}"))
                .toList();

        for (int i = 0; i < requests.size(); i++) {
            assertThat(requests.get(i)).isEqualTo(new RoomRequest.Publish(
                    RoomName.of("room-" + i), MessageId.of("m-" + i), "text " + i, "r-" + i));
        }
    }

    /** The error of a body that must be invalid; fails the test when it is read as a command. */
    protected ChatError invalid(String body) {
        RoomRequest request = parser.parse(body);
        assertThat(request).as("the request of <%s>", body).isInstanceOf(RoomRequest.Invalid.class);
        return ((RoomRequest.Invalid) request).error();
    }
}
