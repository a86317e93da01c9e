package io.github.wschat.core.contract;

import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.domain.SendMessageBody;
import io.github.wschat.core.port.out.MessageBodyParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link MessageBodyParser} must do, whatever its protocol: answer every text with a
 * result and never an exception, call a missing or blank body malformed, and never echo the body in
 * what it says was wrong (the answer is logged and sent back). An adapter's test extends this class
 * and says how to make a parser.
 */
public abstract class MessageBodyParserContract {

    private MessageBodyParser parser;

    /** A new parser; called before each test. */
    protected abstract MessageBodyParser createParser();

    @BeforeEach
    void setUpParser() {
        parser = createParser();
    }

    @Test
    void missing_and_blank_bodies_are_malformed() {
        assertThat(parser.parse(null)).isInstanceOf(SendMessageBody.Malformed.class);
        assertThat(parser.parse("")).isInstanceOf(SendMessageBody.Malformed.class);
        assertThat(parser.parse("  ")).isInstanceOf(SendMessageBody.Malformed.class);
    }

    @Test
    void errors_never_echo_the_body() {
        SendMessageBody parsed = parser.parse("{\"secret\":\"s3cr3t-token\", broken");

        assertThat(parsed).isInstanceOf(SendMessageBody.Malformed.class);
        assertThat(((SendMessageBody.Malformed) parsed).rejection().description()).doesNotContain("s3cr3t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "}", "[", "\u0000", "\uD800", "{\"message\":", "null", "0", "\"\"", "{}{}"})
    void any_text_gets_a_result_and_bad_text_a_malformed_request(String body) {
        SendMessageBody parsed = parser.parse(body);

        assertThat(parsed).isNotNull();
        if (parsed instanceof SendMessageBody.Malformed malformed) {
            assertThat(malformed.rejection().reason()).isEqualTo(MessageRejection.Reason.MALFORMED_REQUEST);
        }
    }
}
