package io.github.wschat.inmemory;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.core.testing.ReadmeSnippets;
import io.github.wschat.json.JsonReplyRenderer;
import io.github.wschat.json.SendMessageBodyParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The module README's snippet compiles, runs, and is the same text as in chat-inmemory-adapter/README.md. */
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
        UserIdentity verified = UserIdentity.of("user-1", "Alice", List.of("private-team-*")); // from her token
        chat.connect().connect(new ConnectCommand(alice, ClientIdentity.UNKNOWN, verified));
        chat.connect().connect(new ConnectCommand(bob, ClientIdentity.UNKNOWN, UserIdentity.anonymous(bob))); // no token
        chat.connect().connect(new ConnectCommand(gone, ClientIdentity.UNKNOWN, UserIdentity.anonymous(gone)));
        sender.markGone(gone); // closed without $disconnect: API Gateway would answer 410

        BroadcastReport report = (BroadcastReport) chat.broadcast()
                .broadcast(new BroadcastCommand(alice, "hello, everyone!"));

        assertThat(sender.receivedBy(bob)).containsExactly("hello, everyone!");
        assertThat(sender.receivedBy(alice)).isEmpty();           // the sender is skipped
        assertThat(report.goneRemoved()).isEqualTo(1);             // the dead connection ...
        assertThat(store.contains(gone)).isFalse();                // ... is removed from the store
        assertThat(store.find(alice).orElseThrow().user()).isEqualTo(verified); // stored with its user
        // end::readme[]
    }

    @Test
    void the_readme_shows_exactly_this_snippet() {
        String snippet = ReadmeSnippets.snippet("src/test/java/io/github/wschat/inmemory/ReadmeExampleTest.java", "readme");

        assertThat(ReadmeSnippets.moduleReadme()).contains(snippet);
    }
}
