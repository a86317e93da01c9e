package io.github.wschat.json;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.domain.SendMessageBody;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.testing.ReadmeSnippets;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The module README's snippets compile, run, and are the same text as in chat-json/README.md. */
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
    void the_readme_room_snippet_runs() {
        // tag::rooms[]
        JsonRoomRequestParser parser = new JsonRoomRequestParser();
        JsonRoomEventRenderer renderer = new JsonRoomEventRenderer();

        RoomRequest publish = parser.parse("{\"action\":\"publish\",\"room\":\"lobby\",\"id\":\"m-1\",\"text\":\"hi ✓\",\"ref\":\"7\"}");
        RoomRequest history = parser.parse("{\"action\":\"history\",\"room\":\"lobby\",\"after\":40}");
        RoomRequest noRoom = parser.parse("{\"action\":\"join\",\"ref\":\"8\"}");
        RoomMessage stored = new RoomMessage(RoomName.of("lobby"), 42, MessageId.of("m-1"), UserRef.of("user-1", "Alice"),
                "hi ✓", Instant.parse("2026-12-02T10:15:30.123Z"));

        assertThat(publish).isEqualTo(new RoomRequest.Publish(RoomName.of("lobby"), MessageId.of("m-1"), "hi ✓", "7"));
        assertThat(history).isEqualTo(new RoomRequest.History(RoomName.of("lobby"), 40, 100, null));
        assertThat(renderer.error(((RoomRequest.Invalid) noRoom).error()))
                .isEqualTo("{\"type\":\"error\",\"code\":\"bad_request\",\"error\":\"body has no \\\"room\\\" field\",\"ref\":\"8\"}");
        assertThat(renderer.ack(stored.room(), stored.id(), stored.seq(), publish.ref()))
                .isEqualTo("{\"type\":\"ack\",\"room\":\"lobby\",\"id\":\"m-1\",\"seq\":42,\"ref\":\"7\"}");
        assertThat(renderer.history(RoomName.of("lobby"), new HistoryPage(List.of(stored), 42, false, false), history.ref()))
                .isEqualTo("{\"type\":\"history\",\"room\":\"lobby\",\"messages\":[{\"type\":\"message\",\"room\":\"lobby\","
                        + "\"seq\":42,\"id\":\"m-1\",\"from\":{\"userId\":\"user-1\",\"name\":\"Alice\"},\"text\":\"hi ✓\","
                        + "\"sentAt\":\"2026-12-02T10:15:30.123Z\"}],\"lastSeq\":42,\"more\":false,\"truncated\":false}");
        // end::rooms[]
    }

    @Test
    void the_readme_shows_exactly_these_snippets() {
        String source = "src/test/java/io/github/wschat/json/JsonReadmeExampleTest.java";

        assertThat(ReadmeSnippets.moduleReadme())
                .contains(ReadmeSnippets.snippet(source, "json"))
                .contains(ReadmeSnippets.snippet(source, "rooms"));
    }
}
