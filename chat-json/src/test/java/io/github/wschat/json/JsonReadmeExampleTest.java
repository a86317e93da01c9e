package io.github.wschat.json;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.SendMessageBody;
import io.github.wschat.core.testing.ReadmeSnippets;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The module README's snippet compiles, runs, and is the same text as in chat-json/README.md. */
class JsonReadmeExampleTest {

    @Test
    void the_readme_snippet_runs() {
        // tag::json[]
        SendMessageBodyParser parser = new SendMessageBodyParser();
        JsonReplyRenderer renderer = new JsonReplyRenderer();

        SendMessageBody hello = parser.parse("{\"action\":\"sendmessage\",\"message\":\"hello, everyone!\"}");
        SendMessageBody noMessage = parser.parse("{\"action\":\"sendmessage\"}");
        ConnectionInfo info = new ConnectionInfo(Instant.parse("2026-11-25T10:15:30Z"),
                Instant.parse("2026-11-25T10:16:20.877Z"), ClientIdentity.of("203.0.113.10", "wscat"));

        assertThat(hello).isEqualTo(new SendMessageBody.Message("hello, everyone!"));
        assertThat(renderer.rejection(((SendMessageBody.Malformed) noMessage).rejection()))
                .isEqualTo("{\"error\":\"body has no \\\"message\\\" field\"}");
        assertThat(renderer.connectionInfo(ConnectionId.of("Bq3xkcNyoAMCJpQ="), info))
                .isEqualTo("{\"ConnectedAt\":\"2026-11-25T10:15:30.000Z\",\"Identity\":{\"SourceIp\":\"203.0.113.10\","
                        + "\"UserAgent\":\"wscat\"},\"LastActiveAt\":\"2026-11-25T10:16:20.877Z\",\"connectionID\":\"Bq3xkcNyoAMCJpQ=\"}");
        // end::json[]
    }

    @Test
    void the_readme_shows_exactly_this_snippet() {
        String snippet = ReadmeSnippets.snippet("src/test/java/io/github/wschat/json/JsonReadmeExampleTest.java", "json");

        assertThat(ReadmeSnippets.moduleReadme()).contains(snippet);
    }
}
