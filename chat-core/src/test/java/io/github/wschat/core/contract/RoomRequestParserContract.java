package io.github.wschat.core.contract;

import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.port.out.RoomRequestParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RoomRequestParser} of the JSON protocol must do (PROTOCOL §1, §3–5): read the five
 * commands with their defaults, ignore unknown fields, and answer everything else with a
 * {@code bad_request} carrying the command's {@code ref} when that is valid, never throwing and never
 * echoing the body. An adapter's test extends this class and says how to make a parser.
 *
 * <pre>{@code
 * class MyRoomRequestParserContractTest extends RoomRequestParserContract {
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
    void join_leave_and_members_read_the_room_and_the_ref() {
        assertThat(parser.parse("{\"action\":\"join\",\"room\":\"lobby\"}")).isEqualTo(new RoomRequest.Join(LOBBY, null));
        assertThat(parser.parse("{\"action\":\"join\",\"room\":\"private-team-a\",\"ref\":\"r1\"}"))
                .isEqualTo(new RoomRequest.Join(RoomName.of("private-team-a"), "r1"));
        assertThat(parser.parse("{\"ref\":\"r2\",\"room\":\"a:b.c_d-e\",\"action\":\"leave\"}"))
                .isEqualTo(new RoomRequest.Leave(RoomName.of("a:b.c_d-e"), "r2"));
        assertThat(parser.parse(" {\"action\":\"members\",\"room\":\"lobby\"} "))
                .isEqualTo(new RoomRequest.Members(LOBBY, null));
    }

    @Test
    void publish_reads_the_id_and_the_text_unchanged() {
        String text = "héllo 🚀 \"quoted\" \\ back\nline </script>";

        assertThat(parser.parse("{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1_A\",\"text\":"
                + "\"héllo \\ud83d\\ude80 \\\"quoted\\\" \\\\ back\\nline <\\/script>\",\"ref\":\"p\"}"))
                .isEqualTo(new RoomRequest.Publish(LOBBY, MessageId.of("m-1_A"), text, "p"));
    }

    @Test
    void publish_leaves_an_empty_or_long_text_for_the_use_case_to_judge() {
        String longText = "x".repeat(40_000);

        assertThat(parser.parse("{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m\",\"text\":\"\"}"))
                .isEqualTo(new RoomRequest.Publish(LOBBY, MessageId.of("m"), "", null));
        assertThat(parser.parse("{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m\",\"text\":\"" + longText + "\"}"))
                .isEqualTo(new RoomRequest.Publish(LOBBY, MessageId.of("m"), longText, null));
    }

    @Test
    void history_reads_after_and_limit_with_their_defaults() {
        assertThat(parser.parse("{\"action\":\"history\",\"room\":\"lobby\"}"))
                .isEqualTo(new RoomRequest.History(LOBBY, 0, 100, null));
        assertThat(parser.parse("{\"action\":\"history\",\"room\":\"lobby\",\"after\":41,\"limit\":1,\"ref\":\"h\"}"))
                .isEqualTo(new RoomRequest.History(LOBBY, 41, 1, "h"));
        assertThat(parser.parse("{\"action\":\"history\",\"room\":\"lobby\",\"after\":0,\"limit\":100}"))
                .isEqualTo(new RoomRequest.History(LOBBY, 0, 100, null));
        assertThat(parser.parse("{\"action\":\"history\",\"room\":\"lobby\",\"after\":9007199254740}"))
                .isEqualTo(new RoomRequest.History(LOBBY, 9_007_199_254_740L, 100, null));
    }

    @Test
    void unknown_fields_are_ignored() {
        assertThat(parser.parse("{\"action\":\"join\",\"room\":\"lobby\",\"extra\":{\"nested\":[1,2]},\"x\":null}"))
                .isEqualTo(new RoomRequest.Join(LOBBY, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"action\":\"join\",\"ref\":\"r1\"}",
            "{\"action\":\"join\",\"room\":null,\"ref\":\"r1\"}",
            "{\"action\":\"join\",\"room\":7,\"ref\":\"r1\"}",
            "{\"action\":\"join\",\"room\":\"\",\"ref\":\"r1\"}",
            "{\"action\":\"join\",\"room\":\"no spaces\",\"ref\":\"r1\"}",
            "{\"action\":\"join\",\"room\":\"a/b\",\"ref\":\"r1\"}",
            "{\"action\":\"leave\",\"room\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"ref\":\"r1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"text\":\"hi\",\"ref\":\"r1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"a.b\",\"text\":\"hi\",\"ref\":\"r1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":12,\"text\":\"hi\",\"ref\":\"r1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m\",\"ref\":\"r1\"}",
            "{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m\",\"text\":5,\"ref\":\"r1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":-1,\"ref\":\"r1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":1.5,\"ref\":\"r1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"after\":\"3\",\"ref\":\"r1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":0,\"ref\":\"r1\"}",
            "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":101,\"ref\":\"r1\"}",
            "{\"action\":\"shout\",\"room\":\"lobby\",\"ref\":\"r1\"}",
            "{\"room\":\"lobby\",\"ref\":\"r1\"}"})
    void a_malformed_command_is_a_bad_request_with_its_ref(String body) {
        RoomRequest parsed = parser.parse(body);

        assertThat(parsed).isInstanceOfSatisfying(RoomRequest.Invalid.class, invalid -> {
            assertThat(invalid.error().code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(invalid.error().ref()).isEqualTo("r1");
            assertThat(invalid.error().description()).isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "not json", "{", "[]", "\"join\"", "null", "42", "{}{}",
            "{\"action\":\"join\",\"room\":\"lobby\",\"ref\":7}",
            "{\"action\":\"join\",\"room\":\"lobby\",\"ref\":\"rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr\"}"})
    void a_body_that_is_no_command_or_whose_ref_is_bad_is_a_bad_request_without_ref(String body) {
        RoomRequest parsed = parser.parse(body);

        assertThat(parsed).isInstanceOfSatisfying(RoomRequest.Invalid.class, invalid -> {
            assertThat(invalid.error().code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(invalid.error().ref()).isNull();
        });
    }

    @Test
    void a_missing_body_is_a_bad_request() {
        assertThat(parser.parse(null)).isInstanceOf(RoomRequest.Invalid.class);
    }

    @Test
    void errors_never_echo_the_body() {
        RoomRequest parsed = parser.parse("{\"action\":\"join\",\"room\":\"s3cr3t token\",\"ref\":\"r\"}");

        assertThat(parsed).isInstanceOfSatisfying(RoomRequest.Invalid.class,
                invalid -> assertThat(invalid.error().description()).doesNotContain("s3cr3t"));
    }
}
