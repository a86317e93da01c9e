package io.github.wschat.inmemory.spec;

import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.port.in.DisconnectCommand;
import io.github.wschat.core.service.BroadcastSettings;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.inmemory.InMemoryConnectionStore;
import io.github.wschat.inmemory.InMemoryMessageSender;
import io.github.wschat.json.JsonReplyRenderer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The chat wired to the in-memory adapters and the JSON renderer, as a user of the library would. */
final class ChatFixture {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    static final ClientIdentity WSCAT = ClientIdentity.of("203.0.113.10", "wscat/6.1.0");

    final InMemoryConnectionStore store = InMemoryConnectionStore.create();
    final InMemoryMessageSender sender = InMemoryMessageSender.create();
    final ChatServices chat;

    ChatFixture() {
        this(BroadcastSettings.defaults());
    }

    ChatFixture(BroadcastSettings settings) {
        chat = ChatServices.builder()
                .connectionStore(store)
                .messageSender(sender)
                .replyRenderer(new JsonReplyRenderer())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .broadcastSettings(settings)
                .build();
    }

    ConnectionId connect(String id) {
        ConnectionId connectionId = ConnectionId.of(id);
        chat.connect().connect(new ConnectCommand(connectionId, WSCAT));
        return connectionId;
    }

    void disconnect(ConnectionId id) {
        chat.disconnect().disconnect(new DisconnectCommand(id));
    }

    BroadcastResult send(ConnectionId from, String message) {
        return chat.broadcast().broadcast(new BroadcastCommand(from, message));
    }
}
