package io.github.wschat.inmemory;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.core.testing.ReadmeSnippets;
import io.github.wschat.json.JsonReplyRenderer;
import io.github.wschat.json.SendMessageBodyParser;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** The README's in-memory snippet compiles, runs, and is the same text as in the README. */
class ReadmeExampleTest {

    @Test
    void the_readme_snippet_runs() {
        // tag::readme[]
        InMemoryConnectionStore store = InMemoryConnectionStore.create();
        InMemoryMessageSender sender = InMemoryMessageSender.create();
        ChatServices chat = ChatServices.builder()
                .connectionStore(store)
                .messageSender(sender)
                .connectionInfoQuery(sender)              // what the gateway knows, for $default
                .replyRenderer(new JsonReplyRenderer())
                .messageBodyParser(new SendMessageBodyParser())
                .build();

        ConnectionId alice = ConnectionId.of("alice");
        ConnectionId bob = ConnectionId.of("bob");
        ConnectionId gone = ConnectionId.of("gone");
        chat.connect().connect(new ConnectCommand(alice, ClientIdentity.UNKNOWN));
        chat.connect().connect(new ConnectCommand(bob, ClientIdentity.UNKNOWN));
        chat.connect().connect(new ConnectCommand(gone, ClientIdentity.UNKNOWN));
        sender.markGone(gone); // closed without $disconnect: API Gateway would answer 410

        BroadcastReport report = (BroadcastReport) chat.broadcast()
                .broadcast(new BroadcastCommand(alice, "hello, everyone!"));

        assertThat(sender.receivedBy(bob)).containsExactly("hello, everyone!");
        assertThat(sender.receivedBy(alice)).isEmpty();           // the sender is skipped
        assertThat(report.goneRemoved()).isEqualTo(1);             // the dead connection ...
        assertThat(store.contains(gone)).isFalse();                // ... is removed from the store
        // end::readme[]
    }

    @Test
    void the_readme_shows_exactly_this_snippet() {
        String snippet = ReadmeSnippets.snippet("src/test/java/io/github/wschat/inmemory/ReadmeExampleTest.java", "readme");

        assertThat(ReadmeSnippets.readme()).contains(snippet);
    }
}
