package com.example.chat;

import io.github.wschat.core.contract.MessageBodyParserContract;
import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.domain.SendMessageBody;
import io.github.wschat.core.port.out.MessageBodyParser;
import io.github.wschat.core.testing.ReadmeSnippets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * chat-core/README.md's "Writing your own adapter", outside wschat's packages as a user's code is:
 * the parser and its contract test below are the README's snippet, and Surefire runs that contract
 * test ({@code SayBodyParserContractTest}) as it runs this one.
 */
class OwnAdapterReadmeTest {

    @Test
    void the_snippets_parser_reads_its_protocol_and_refuses_anything_else() {
        MessageBodyParser parser = new SayBodyParser();

        assertThat(parser.parse("say hello, everyone!")).isEqualTo(new SendMessageBody.Message("hello, everyone!"));
        assertThat(parser.parse("{\"action\":\"sendmessage\",\"message\":\"hi\"}"))
                .isEqualTo(new SendMessageBody.Malformed(MessageRejection.malformed("a message starts with \"say \"")));
    }

    @Test
    void the_module_readme_shows_exactly_this_snippet() {
        String snippet = ReadmeSnippets.snippet("src/test/java/com/example/chat/OwnAdapterReadmeTest.java", "own-adapter");

        assertThat(ReadmeSnippets.moduleReadme()).contains(snippet);
    }
}

// tag::own-adapter[]
/** Your own protocol: the body is the message, after "say ". */
final class SayBodyParser implements MessageBodyParser {
    @Override
    public SendMessageBody parse(String body) {
        if (body == null || !body.startsWith("say ")) {
            return new SendMessageBody.Malformed(MessageRejection.malformed("a message starts with \"say \""));
        }
        return new SendMessageBody.Message(body.substring("say ".length()));
    }
}

/** Held to the rules every parser keeps, whatever its protocol: the core's contract suite. */
class SayBodyParserContractTest extends MessageBodyParserContract {
    @Override
    protected MessageBodyParser createParser() {
        return new SayBodyParser();
    }
}
// end::own-adapter[]
