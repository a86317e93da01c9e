package io.github.wschat.json;

import io.github.wschat.core.contract.MessageBodyParserContract;
import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.domain.SendMessageBody;
import io.github.wschat.core.port.out.MessageBodyParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tutorial's bodies, and the {@link MessageBodyParserContract} every parser keeps. */
class SendMessageBodyParserTest extends MessageBodyParserContract {

    private final SendMessageBodyParser parser = new SendMessageBodyParser();

    @Override
    protected MessageBodyParser createParser() {
        return new SendMessageBodyParser();
    }

    @Test
    void the_tutorials_body_gives_the_raw_message() {
        assertThat(parser.parse("{\"action\":\"sendmessage\",\"message\":\"hello, everyone!\"}"))
                .isEqualTo(new SendMessageBody.Message("hello, everyone!"));
    }

    @Test
    void escapes_and_unicode_are_decoded() {
        assertThat(parser.parse("{\"message\":\"a \\\"quote\\\" \\u00e9 🚀\\n\",\"extra\":[1,2]}"))
                .isEqualTo(new SendMessageBody.Message("a \"quote\" é 🚀\n"));
    }

    @Test
    void an_empty_string_message_is_read_and_left_to_the_core_to_refuse() {
        assertThat(parser.parse("{\"message\":\"\"}")).isEqualTo(new SendMessageBody.Message(""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "hi, what can I do here?|body is not valid JSON: send {\"action\":\"sendmessage\",\"message\":\"…\"}",
            "{\"message\":\"unterminated|body is not valid JSON: send {\"action\":\"sendmessage\",\"message\":\"…\"}",
            "{\"message\":\"a\"} trailing|body is not valid JSON: send {\"action\":\"sendmessage\",\"message\":\"…\"}",
            "[1,2,3]|body must be a JSON object, was an array",
            "\"just a string\"|body must be a JSON object, was a string",
            "{\"action\":\"sendmessage\"}|body has no \"message\" field",
            "{\"action\":\"sendmessage\",\"message\":42}|\"message\" must be a string, was a number",
            "{\"action\":\"sendmessage\",\"message\":null}|\"message\" must be a string, was null",
            "{\"action\":\"sendmessage\",\"message\":{\"text\":\"hi\"}}|\"message\" must be a string, was an object",
            "{\"action\":\"sendmessage\",\"message\":[\"hi\"]}|\"message\" must be a string, was an array",
            "{\"action\":\"sendmessage\",\"message\":true}|\"message\" must be a string, was a boolean",
    })
    void malformed_bodies_say_what_was_wrong(String body, String expected) {
        assertThat(parser.parse(body)).isEqualTo(
                new SendMessageBody.Malformed(MessageRejection.malformed(expected)));
    }
}
