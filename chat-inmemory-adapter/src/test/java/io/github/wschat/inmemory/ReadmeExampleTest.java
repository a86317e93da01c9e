package io.github.wschat.inmemory;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.NewMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.port.out.AppendResult;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.core.testing.ReadmeSnippets;
import io.github.wschat.json.JsonReplyRenderer;
import io.github.wschat.json.SendMessageBodyParser;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
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
    void the_readme_rooms_snippet_runs() {
        // tag::rooms[]
        Clock clock = Clock.systemUTC();
        InMemoryRoomMembership membership = InMemoryRoomMembership.create();
        InMemoryMessageLog log = InMemoryMessageLog.builder()
                .retention(Duration.ofDays(1))  // default 7 days
                .clock(clock)                   // judges expiry; default Clock.systemUTC()
                .build();

        RoomName lobby = RoomName.of("lobby");
        UserRef alice = UserRef.of("user-1", "Alice");
        membership.join(Membership.of(lobby, ConnectionId.of("A1"), alice, clock.instant()));
        AppendResult first = log.append(new NewMessage(lobby, MessageId.of("m-1"), alice, "hi", clock.instant()));
        AppendResult retry = log.append(new NewMessage(lobby, MessageId.of("m-1"), alice, "hi", clock.instant()));

        assertThat(first.message().seq()).isEqualTo(1);         // the room's first seq
        assertThat(retry).isEqualTo(AppendResult.duplicate(first.message())); // a retry: nothing stored
        assertThat(log.read(lobby, 0, 100).messages()).containsExactly(first.message());
        assertThat(membership.roomsOf(ConnectionId.of("A1"))).containsExactly(lobby);
        // end::rooms[]
    }

    @Test
    void the_readme_shows_exactly_this_snippet() {
        for (String name : List.of("readme", "rooms")) {
            String snippet = ReadmeSnippets.snippet("src/test/java/io/github/wschat/inmemory/ReadmeExampleTest.java", name);

            assertThat(ReadmeSnippets.moduleReadme()).contains(snippet);
        }
    }
}
